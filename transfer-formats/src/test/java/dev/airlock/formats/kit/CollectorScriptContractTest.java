package dev.airlock.formats.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Pins the contract between the collector kit ({@code collector/Collect.ps1}, which cannot run
 * here) and {@code collector-record-1.xsd}: same element and attribute names, golden records
 * valid, broken records rejected, Windows-friendly kit files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectorScriptContractTest {
    private static final String BASE = "/dev/airlock/formats/kit/";
    private static final String XSD = BASE + "collector-record-1.xsd";
    private static final String KIT = BASE + "collector/";
    private static final String GOLDEN = BASE + "golden/";
    private static final String NS = "urn:airlock:collector-record:1";
    private static final String RESULT_XSD = BASE + "apply-result-1.xsd";
    private static final String KIT_XSD = BASE + "activation-kit-1.xsd";
    private static final String GOLDEN_RESULTS = BASE + "golden-results/";
    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** {@code $w.WriteStartElement('X', ...)} or {@code $w.WriteElementString('X', ...)}. */
    private static final Pattern SCRIPT_ELEMENT = Pattern.compile("\\.Write(?:StartElement|ElementString)\\('([^']*)'");
    private static final Pattern SCRIPT_ELEMENT_IN_NS =
            Pattern.compile("\\.Write(?:StartElement|ElementString)\\('([^']*)', \\$ns[,)]");
    private static final Pattern SCRIPT_ELEMENT_IN_RESULT_NS =
            Pattern.compile("\\.Write(?:StartElement|ElementString)\\('([^']*)', \\$rns[,)]");
    /** {@code Get-KitText $node 'X'} and {@code .Item('X', $kns)} / {@code ('X', $kns)}: kit names the script reads. */
    private static final Pattern SCRIPT_KIT_NAME = Pattern.compile("(?:Get-KitText \\$\\w+ '([^']*)')|\\('([^']*)', \\$kns\\)");
    private static final Pattern SCRIPT_ATTRIBUTE = Pattern.compile("\\.WriteAttributeString\\('([^']*)'");

    private String script;
    private Document xsd;
    private Document resultXsd;
    private Document kitXsd;
    private Schema schema;
    private Schema resultSchema;

    @BeforeAll
    void load() throws Exception {
        script = new String(resource(KIT + "Collect.ps1"), StandardCharsets.US_ASCII);
        xsd = parseSecurely(resource(XSD));
        SchemaFactory factory = SchemaFactory.newInstance(XS);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        schema = factory.newSchema(new StreamSource(new ByteArrayInputStream(resource(XSD)), XSD));
        resultXsd = parseSecurely(resource(RESULT_XSD));
        kitXsd = parseSecurely(resource(KIT_XSD));
        resultSchema = factory.newSchema(new javax.xml.transform.Source[] {
            new StreamSource(new ByteArrayInputStream(resource(XSD)), XSD),
            new StreamSource(new ByteArrayInputStream(resource(RESULT_XSD)), RESULT_XSD)});
    }

    // --- script versus XSD ----------------------------------------------------------

    @Test
    void script_writesExactlyTheElementsTheXsdDeclares() {
        Set<String> written = matches(SCRIPT_ELEMENT_IN_NS, script);
        Set<String> declared = xsdNames("element");

        assertThat(written).as("elements Collect.ps1 writes").isNotEmpty();
        assertThat(written).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void script_writesEveryElementInTheRecordNamespace() {
        assertThat(allMatches(SCRIPT_ELEMENT_IN_NS, script))
                .as("every WriteStartElement/WriteElementString passes $ns or $rns")
                .hasSize(allMatches(SCRIPT_ELEMENT, script).size() - allMatches(SCRIPT_ELEMENT_IN_RESULT_NS, script).size());
        Matcher ns = Pattern.compile("(?m)^\\$ns = '([^']*)'").matcher(script);
        assertThat(ns.find()).as("$ns assignment in Collect.ps1").isTrue();
        assertThat(ns.group(1)).isEqualTo(NS).isEqualTo(xsd.getDocumentElement().getAttribute("targetNamespace"));
    }

    @Test
    void script_writesExactlyTheAttributesTheXsdDeclares() {
        Set<String> expected = Set.of("formatVersion", "collectorVersion", "class");

        assertThat(matches(SCRIPT_ATTRIBUTE, script)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(xsdNames("attribute")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void script_writesTheFormatVersionTheXsdFixes() {
        Element formatVersion = xsdDeclarations("attribute").stream()
                .filter(a -> a.getAttribute("name").equals("formatVersion"))
                .findFirst()
                .orElseThrow();

        assertThat(formatVersion.getAttribute("fixed")).isEqualTo("1");
        assertThat(script).contains("WriteAttributeString('formatVersion', '1')");
    }

    @Test
    void xsd_boundsEveryStringElement() {
        // Every simple type derived from xs:string carries a maxLength.
        List<String> unbounded = new ArrayList<>();
        for (Element restriction : xsdDeclarations("restriction")) {
            boolean isString = restriction.getAttribute("base").equals("xs:string");
            boolean enumerated = restriction.getElementsByTagNameNS(XS, "enumeration").getLength() > 0;
            boolean bounded = restriction.getElementsByTagNameNS(XS, "maxLength").getLength() > 0;
            if (isString && !enumerated && !bounded) {
                unbounded.add(((Element) restriction.getParentNode()).getAttribute("name"));
            }
        }
        List<String> rawStrings = xsdDeclarations("element").stream()
                .filter(e -> e.getAttribute("type").equals("xs:string"))
                .map(e -> e.getAttribute("name"))
                .toList();

        assertThat(unbounded).as("string types without maxLength").isEmpty();
        assertThat(rawStrings).as("elements typed plain xs:string").isEmpty();
        assertThat(xsdDeclarations("any")).as("xs:any").isEmpty();
        assertThat(xsdDeclarations("anyAttribute")).as("xs:anyAttribute").isEmpty();
    }

    // --- golden records -----------------------------------------------------------

    @Test
    void goldenFiles_includeTheRequiredMachines() throws Exception {
        assertThat(goldenNames())
                .contains("win11-office2021.xml", "win7-office2010.xml", "no-uuid-no-network.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenNames")
    void goldenFile_isValidAgainstXsd(String name) throws Exception {
        validate(resource(GOLDEN + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenNames")
    void goldenFile_isUtf8WithoutBomInTheDefaultNamespace(String name) throws Exception {
        byte[] bytes = resource(GOLDEN + name);
        Document doc = parseSecurely(bytes);

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("<?xml");
        // Strict decode: throws on any byte sequence that is not UTF-8.
        assertThat(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString()).isNotEmpty();
        assertThat(doc.getDocumentElement().getPrefix()).isNull();
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenNames")
    void goldenFile_installationIdsArePureDigitsOfKnownLength(String name) throws Exception {
        NodeList iids = parseSecurely(resource(GOLDEN + name)).getElementsByTagNameNS(NS, "OfflineInstallationId");
        for (int i = 0; i < iids.getLength(); i++) {
            assertThat(iids.item(i).getTextContent()).matches("[0-9]{63}|[0-9]{54}");
        }
    }

    @Test
    void goldenWin7_hasOffice2010FromOspp() throws Exception {
        Document doc = parseSecurely(resource(GOLDEN + "win7-office2010.xml"));
        Element office = first(doc, "Product", "class", "OfficeSoftwareProtectionProduct");

        assertThat(text(office, "ApplicationID")).isEqualTo("59a52881-a989-479d-af46-f275c6370663");
        assertThat(text(office, "OfflineInstallationId")).hasSize(54);
    }

    @Test
    void goldenNoUuid_omitsAbsentValuesAndHasNoProducts() throws Exception {
        Document doc = parseSecurely(resource(GOLDEN + "no-uuid-no-network.xml"));

        for (String absent : List.of("SmbiosUuid", "SerialNumber", "IpAddresses", "MacAddresses", "Fqdn", "Product")) {
            assertThat(doc.getElementsByTagNameNS(NS, absent).getLength()).as(absent).isZero();
        }
        assertThat(doc.getElementsByTagNameNS(NS, "Products").getLength()).isEqualTo(1);
    }

    // --- broken records are rejected ----------------------------------------------

    Stream<Arguments> brokenRecords() {
        return Stream.of(
                broken("element out of order (Domain before HostName)", doc -> {
                    Element hostName = first(doc, "HostName");
                    hostName.getParentNode().insertBefore(first(doc, "Domain"), hostName);
                }),
                broken("product element out of order (Name before ID)", doc -> {
                    Element id = first(doc, "ID");
                    id.getParentNode().insertBefore(first(doc, "Name"), id);
                }),
                broken("missing HostName", doc -> remove(first(doc, "HostName"))),
                broken("missing OfflineInstallationId", doc -> remove(first(doc, "OfflineInstallationId"))),
                broken("missing Products", doc -> remove(first(doc, "Products"))),
                broken("unknown element in Machine", doc ->
                        first(doc, "Machine").appendChild(doc.createElementNS(NS, "AssetTag"))),
                broken("unknown element at the end", doc ->
                        doc.getDocumentElement().appendChild(doc.createElementNS(NS, "Notes"))),
                broken("wrong namespace", doc -> moveToNamespace(doc, "urn:airlock:collector-record:2")),
                broken("no namespace", doc -> moveToNamespace(doc, null)),
                broken("formatVersion 2", doc -> doc.getDocumentElement().setAttribute("formatVersion", "2")),
                broken("missing collectorVersion", doc -> doc.getDocumentElement().removeAttribute("collectorVersion")),
                broken("unknown attribute", doc -> first(doc, "Product").setAttribute("source", "wmi")),
                broken("unknown product class", doc -> first(doc, "Product").setAttribute("class", "Win32_Product")),
                broken("Collected not in UTC", doc -> first(doc, "Collected").setTextContent("2026-11-22T11:15:30+01:00")),
                broken("LicenseStatus 7", doc -> first(doc, "LicenseStatus").setTextContent("7")),
                broken("PartOfDomain yes", doc -> first(doc, "PartOfDomain").setTextContent("yes")),
                broken("empty HostName", doc -> first(doc, "HostName").setTextContent("")),
                broken("HostName of 256 characters", doc -> first(doc, "HostName").setTextContent("A".repeat(256))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    void brokenRecord_failsValidation(String what, Consumer<Document> breakIt) throws Exception {
        Document doc = parseSecurely(resource(GOLDEN + "win11-office2021.xml"));
        breakIt.accept(doc);

        assertThatThrownBy(() -> newValidator().validate(new DOMSource(doc))).isInstanceOf(SAXException.class);
    }

    @Test
    void validRecord_passesAfterHarmlessChange() throws Exception {
        // Guards the negative cases above: the DOM route itself validates a good record.
        Document doc = parseSecurely(resource(GOLDEN + "win11-office2021.xml"));
        remove(first(doc, "Description"));

        newValidator().validate(new DOMSource(doc));
    }

    // --- kit files are Windows-friendly --------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Collect.cmd", "Collect.ps1", "README.txt", "Apply.cmd"})
    void kitFile_usesCrlfLineEndings(String name) throws Exception {
        byte[] bytes = resource(KIT + name);
        List<Integer> bareLineBreaks = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            boolean lf = bytes[i] == '\n';
            boolean cr = bytes[i] == '\r';
            if (lf && (i == 0 || bytes[i - 1] != '\r') || cr && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                bareLineBreaks.add(i);
            }
        }

        assertThat(bytes).as(name).isNotEmpty();
        assertThat(bareLineBreaks).as(name + ": offsets of LF or CR not in a CRLF pair").isEmpty();
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).endsWith("\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Collect.cmd", "Collect.ps1", "README.txt", "Apply.cmd"})
    void kitFile_isPlainAscii(String name) throws Exception {
        // Windows PowerShell 5.1 reads a script without BOM as ANSI; cmd uses the OEM code page.
        byte[] bytes = resource(KIT + name);
        List<Integer> nonAscii = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xff) > 0x7f) {
                nonAscii.add(i);
            }
        }
        assertThat(nonAscii).as(name + ": offsets of non-ASCII bytes").isEmpty();
    }

    @Test
    void launcher_bypassesExecutionPolicyForThisProcessOnly() throws Exception {
        String cmd = new String(resource(KIT + "Collect.cmd"), StandardCharsets.US_ASCII);

        assertThat(cmd).contains("powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"%~dp0Collect.ps1\" %*");
        assertThat(cmd).contains("pause");
        assertThat(cmd).doesNotContainIgnoringCase("Set-ExecutionPolicy");
    }

    // --- apply mode ----------------------------------------------------------------

    @Test
    void script_writesExactlyTheResultElementsTheApplyXsdDeclares() {
        Set<String> written = matches(SCRIPT_ELEMENT_IN_RESULT_NS, script);
        Set<String> declared = names(resultXsd, "element");

        assertThat(written).as("elements Collect.ps1 writes in $rns").isNotEmpty();
        assertThat(written).containsExactlyInAnyOrderElementsOf(declared);
        Matcher rns = Pattern.compile("(?m)^\\$rns = '([^']*)'").matcher(script);
        assertThat(rns.find()).as("$rns assignment in Collect.ps1").isTrue();
        assertThat(rns.group(1)).isEqualTo("urn:airlock:apply-result:1")
                .isEqualTo(resultXsd.getDocumentElement().getAttribute("targetNamespace"));
        assertThat(script).contains("Write-MachineRecord $w $machine $after $collected");
    }

    @Test
    void script_readsOnlyNamesTheKitXsdDeclares() {
        Set<String> read = new TreeSet<>();
        Matcher m = SCRIPT_KIT_NAME.matcher(script);
        while (m.find()) {
            read.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher kns = Pattern.compile("(?m)^\\$kns = '([^']*)'").matcher(script);

        assertThat(read).contains("HostName", "SmbiosUuid", "ID", "OfflineInstallationId", "ConfirmationId",
                "Product", "Machine");
        assertThat(names(kitXsd, "element")).containsAll(read);
        assertThat(kns.find()).isTrue();
        assertThat(kns.group(1)).isEqualTo(kitXsd.getDocumentElement().getAttribute("targetNamespace"));
        assertThat(script).contains("$root.LocalName -ne 'ActivationKit'");
    }

    @Test
    void script_appliesOnlyWhenTheIidIsUnchanged_thenRefreshes() {
        assertThat(script).contains("param([switch]$Apply)");
        assertThat(script).containsPattern("(?s)-ne \\$iid\\).*?'IidChanged'.*?Invoke-Deposit \\$target \\$iid \\$cid");
        assertThat(script).contains("'DepositOfflineConfirmationId'").contains("'RefreshLicenseStatus'")
                .contains("IID changed, re-collect");
        // results: temporary name first, then renamed into AIRLOCK\results
        assertThat(script).containsPattern("(?s)Join-Path \\$StickDir 'results'.*?\\.xml\\.tmp.*?Move-Item");
    }

    @Test
    void applyLauncher_runsApplyMode() throws Exception {
        String cmd = new String(resource(KIT + "Apply.cmd"), StandardCharsets.US_ASCII);

        assertThat(cmd).contains("powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"%~dp0Collect.ps1\" -Apply");
        assertThat(cmd).contains("Run as administrator").contains("pause");
        assertThat(cmd).doesNotContainIgnoringCase("Set-ExecutionPolicy");
    }

    List<String> goldenResultNames() throws IOException, URISyntaxException {
        URL dir = getClass().getResource(GOLDEN_RESULTS);
        assertThat(dir).as("classpath folder " + GOLDEN_RESULTS).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenResultNames")
    void goldenResult_isValidAgainstBothXsds(String name) throws Exception {
        Validator v = resultSchema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new ByteArrayInputStream(resource(GOLDEN_RESULTS + name))));
    }

    @Test
    void goldenResult_withDepositReturningNonHexCode_failsValidation() throws Exception {
        Document doc = parseSecurely(resource(GOLDEN_RESULTS + "win11-failed.xml"));
        Element code = (Element) doc.getElementsByTagNameNS("urn:airlock:apply-result:1", "ReturnCode").item(0);
        code.setTextContent("-1073418163");
        Validator v = resultSchema.newValidator();

        assertThatThrownBy(() -> v.validate(new DOMSource(doc))).isInstanceOf(SAXException.class);
    }

    // --- helpers -------------------------------------------------------------------

    private static Arguments broken(String what, Consumer<Document> breakIt) {
        return Arguments.of(what, breakIt);
    }

    List<String> goldenNames() throws IOException, URISyntaxException {
        URL dir = getClass().getResource(GOLDEN);
        assertThat(dir).as("classpath folder " + GOLDEN).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
        }
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as("classpath resource " + path).isNotNull();
            return in.readAllBytes();
        }
    }

    private void validate(byte[] xml) throws IOException, SAXException {
        newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private Validator newValidator() throws SAXException {
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return validator;
    }

    private static Document parseSecurely(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
    }

    private static Set<String> names(Document schemaDoc, String kind) {
        Set<String> names = new TreeSet<>();
        NodeList nodes = schemaDoc.getElementsByTagNameNS(XS, kind);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute("name")) {
                names.add(e.getAttribute("name"));
            }
        }
        return names;
    }

    private Set<String> xsdNames(String kind) {
        Set<String> names = new TreeSet<>();
        for (Element e : xsdDeclarations(kind)) {
            if (e.hasAttribute("name")) {
                names.add(e.getAttribute("name"));
            }
            assertThat(e.hasAttribute("ref")).as("xs:" + kind + " by ref is not expected").isFalse();
        }
        return names;
    }

    private List<Element> xsdDeclarations(String kind) {
        NodeList nodes = xsd.getElementsByTagNameNS(XS, kind);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        return new TreeSet<>(allMatches(pattern, text));
    }

    private static List<String> allMatches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Element first(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(NS, localName);
        assertThat(nodes.getLength()).as("elements named " + localName).isPositive();
        return (Element) nodes.item(0);
    }

    private static Element first(Document doc, String localName, String attribute, String value) {
        NodeList nodes = doc.getElementsByTagNameNS(NS, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (value.equals(e.getAttribute(attribute))) {
                return e;
            }
        }
        throw new AssertionError("no " + localName + " with " + attribute + "=" + value);
    }

    private static String text(Element parent, String localName) {
        return parent.getElementsByTagNameNS(NS, localName).item(0).getTextContent();
    }

    private static void remove(Node node) {
        node.getParentNode().removeChild(node);
    }

    /** Moves the whole document to another namespace (null: none), declaration included. */
    private static void moveToNamespace(Document doc, String namespace) {
        Element root = doc.getDocumentElement();
        root.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE);
        if (namespace != null) {
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, namespace);
        }
        renameAll(doc, root, namespace);
    }

    private static void renameAll(Document doc, Element element, String namespace) {
        Node renamed = doc.renameNode(element, namespace, element.getLocalName());
        for (Node child = renamed.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                renameAll(doc, e, namespace);
            }
        }
    }
}
