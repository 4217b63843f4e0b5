package dev.airlock.formats.kit;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.SchemaValidators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Element;

/** Reads activation kit files, hardened like collector records (size, UTF-8, no DTD, XSD). Thread-safe. */
public final class ActivationKitReader {
    /** A kit file is a few KB. */
    public static final int MAX_BYTES = 1 << 20;
    private static final String NS = ActivationKit.NAMESPACE;
    private static final String FORMAT = "an activation kit file";

    private final XMLInputFactory factory = HardenedXml.inputFactory();
    private final SchemaValidators validators = KitXml.validators(ActivationKit.XSD_RESOURCE);

    /** Parses and checks one kit file. */
    public ActivationKit read(byte[] bytes) throws MalformedRecordException {
        String text = KitXml.decodeAndScan(factory, bytes, MAX_BYTES, "ActivationKit", NS, 8, FORMAT);
        KitXml.validate(validators, factory, text, FORMAT);
        Element root = KitXml.dom(text).getDocumentElement();
        Element machine = KitXml.child(root, NS, "Machine");
        List<ActivationKit.Product> products = new ArrayList<>();
        int n = 0;
        for (Element p : KitXml.children(KitXml.child(root, NS, "Products"), NS, "Product")) {
            n++;
            try {
                products.add(new ActivationKit.Product(ProductClass.ofWmiName(p.getAttribute("class")),
                        SkuId.parse(KitXml.text(p, NS, "ID")), KitXml.text(p, NS, "Name"),
                        InstallationId.parse(KitXml.text(p, NS, "OfflineInstallationId")),
                        ConfirmationId.parse(KitXml.text(p, NS, "ConfirmationId"))));
            } catch (InvalidIdException | IllegalArgumentException e) {
                throw new MalformedRecordException("product " + n + ": " + e.getMessage());
            }
        }
        return new ActivationKit(Instant.parse(KitXml.text(root, NS, "Created")), KitXml.text(machine, NS,
                "HostName"), KitXml.text(machine, NS, "SmbiosUuid"), products);
    }
}
