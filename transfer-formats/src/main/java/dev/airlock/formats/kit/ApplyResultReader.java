package dev.airlock.formats.kit;

import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.SchemaValidators;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;

/**
 * Reads apply result files, hardened like collector records: size limit, strict UTF-8, no
 * DTDs or entities, depth, both XSDs; the embedded machine record then goes through
 * {@link CollectorRecordReader} as if it were a file of its own. Thread-safe.
 */
public final class ApplyResultReader {
    /** A result is a collector record plus a few lines per product. */
    public static final int MAX_BYTES = CollectorRecordReader.MAX_BYTES;
    private static final String NS = ApplyResult.NAMESPACE;
    private static final String FORMAT = "an apply result file";

    private final XMLInputFactory factory = HardenedXml.inputFactory();
    private final SchemaValidators validators = KitXml.validators(CollectorRecord.XSD_RESOURCE, ApplyResult.XSD_RESOURCE);
    private final CollectorRecordReader records;

    /** @param records reads the embedded machine record */
    public ApplyResultReader(CollectorRecordReader records) {
        this.records = records;
    }

    /** Whether {@code bytes} look like an apply result (its root element), without judging the rest. */
    public static boolean looksLikeResult(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        return head.contains("<" + ApplyResult.ROOT) && head.contains(NS);
    }

    /** Parses and checks one result file. */
    public ApplyResult read(byte[] bytes) throws MalformedRecordException {
        String text = KitXml.decodeAndScan(factory, bytes, MAX_BYTES, ApplyResult.ROOT, NS, 14, FORMAT);
        KitXml.validate(validators, factory, text, FORMAT);
        Element root = KitXml.dom(text).getDocumentElement();
        Instant applied;
        try {
            applied = Instant.parse(KitXml.text(root, NS, "Applied"));
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("Applied is not a UTC time like 2026-11-22T10:15:30Z");
        }
        List<ApplyResult.Outcome> outcomes = new ArrayList<>();
        Set<SkuId> skus = new HashSet<>();
        int n = 0;
        for (Element o : KitXml.children(KitXml.child(root, NS, "Outcomes"), NS, "Outcome")) {
            n++;
            ApplyResult.Outcome outcome = outcome(n, o);
            if (!skus.add(outcome.skuId())) {
                throw new MalformedRecordException("outcome " + n + " repeats SKU " + outcome.skuId()
                        + ": apply mode reports each product once, so the file was edited; apply again");
            }
            outcomes.add(outcome);
        }
        Element record = KitXml.child(root, CollectorRecord.NAMESPACE, "MachineRecord");
        CollectorRecord machine;
        try {
            machine = records.read(serialize(record));
        } catch (MalformedRecordException e) {
            throw new MalformedRecordException("its machine record: " + e.getMessage(), e);
        }
        plainText("collectorVersion", root.getAttribute("collectorVersion").strip());
        plainText("KitFile", KitXml.text(root, NS, "KitFile"));
        return new ApplyResult(applied, root.getAttribute("collectorVersion").strip(), KitXml.text(root, NS,
                "KitFile"), outcomes, machine);
    }

    private static ApplyResult.Outcome outcome(int n, Element o) throws MalformedRecordException {
        String where = "outcome " + n;
        try {
            String code = KitXml.text(o, NS, "ReturnCode");
            String status = KitXml.text(o, NS, "LicenseStatus");
            ApplyResult.Result result = ApplyResult.Result.ofXmlName(KitXml.text(o, NS, "Result"));
            if ((result == ApplyResult.Result.DEPOSITED || result == ApplyResult.Result.FAILED) && code.isEmpty()) {
                throw new MalformedRecordException(where + ": Result " + result.xmlName() + " needs a ReturnCode");
            }
            OptionalLong returnCode = code.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(code.substring(2), 16));
            if (result == ApplyResult.Result.DEPOSITED && returnCode.getAsLong() != 0) {
                throw new MalformedRecordException(where + ": Result Deposited with ReturnCode " + code
                        + " (a deposit succeeded only with 0x00000000)");
            }
            if (result == ApplyResult.Result.FAILED && returnCode.getAsLong() == 0) {
                throw new MalformedRecordException(where + ": Result Failed with ReturnCode 0x00000000");
            }
            // Windows writes some error messages over several lines: one line here; anything else that
            // could be layout (a control or bidi character) refuses the file
            String message = OutsideText.foldLineBreaks(KitXml.text(o, NS, "Message"));
            plainText(where + ": Message", message);
            return new ApplyResult.Outcome(SkuId.parse(KitXml.text(o, NS, "ID")),
                    InstallationId.parse(KitXml.text(o, NS, "OfflineInstallationId")), result, returnCode,
                    status.isEmpty() ? Optional.empty() : Optional.of(LicenseStatus.ofCode(Integer.parseInt(status))),
                    message);
        } catch (InvalidIdException | IllegalArgumentException e) {
            throw new MalformedRecordException(where + ": " + e.getMessage());
        }
    }

    private static void plainText(String element, String value) throws MalformedRecordException {
        java.util.Optional<String> problem = OutsideText.problem(value);
        if (problem.isPresent()) {
            throw new MalformedRecordException(element + " '" + OutsideText.shown(value.length() > 80
                    ? value.substring(0, 80) + "..." : value) + "' " + problem.get() + ": apply mode writes it as"
                    + " plain text, so the file was made or edited by hand; apply again at that machine");
        }
    }

    /** The embedded record as a document of its own (UTF-8, with its namespace declared). */
    private static byte[] serialize(Element record) throws MalformedRecordException {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(record), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new MalformedRecordException("cannot read its machine record: " + e.getMessage(), e);
        }
    }
}
