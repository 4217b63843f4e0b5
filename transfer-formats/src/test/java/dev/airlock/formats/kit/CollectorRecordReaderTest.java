package dev.airlock.formats.kit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector record reader and writer: golden files read into the expected values, the
 * writer round-trips and is pinned to exact bytes, and every hostile input is refused with a
 * {@link MalformedRecordException} whose message names the problem, never any other exception.
 *
 * <p>{@link #hostileCorpus()} is public so that the appliance's intake tests can drop the same
 * files on a stick.
 */
public class CollectorRecordReaderTest {
    private static final String GOLDEN = "/dev/airlock/formats/kit/golden/";
    private static final List<String> GOLDEN_FILES =
            List.of("win11-office2021.xml", "win7-office2010.xml", "no-uuid-no-network.xml");
    private static final String WIN11 = "win11-office2021.xml";
    private static final String WIN11_IID_1 =
            "110000111000021100003110000411000051100006110000711000081100009";
    private static final String WIN11_IID_2 =
            "210000121000022100003210000421000052100006210000721000082100009";


    private final CollectorRecordReader reader = new CollectorRecordReader();
    private final CollectorRecordWriter writer = new CollectorRecordWriter();

    // =====================================================================================
    // Golden files
    // =====================================================================================

    @Test
    void win11Office2021_readsEveryField() throws Exception {
        CollectorRecord r = reader.read(golden(WIN11));

        assertThat(r.collected()).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
        assertThat(r.collectorVersion()).isEqualTo("1.0.0");
        MachineIdentity m = r.machine();
        assertThat(m.hostName()).isEqualTo("LAB-PC-0042");
        assertThat(m.domain()).isEqualTo("lab.example");
        assertThat(m.partOfDomain()).isTrue();
        assertThat(m.fqdn()).isEqualTo("LAB-PC-0042.lab.example");
        assertThat(m.smbiosUuid()).isEqualTo("0DEC0DE0-0000-4000-8000-000000000042");
        assertThat(m.hasUsableUuid()).isTrue();
        assertThat(m.serialNumber()).isEqualTo("DEMO-SN-0042");
        assertThat(m.osCaption()).isEqualTo("Microsoft Windows 11 Enterprise");
        assertThat(m.osVersion()).isEqualTo("10.0.26100");
        assertThat(m.osBuild()).isEqualTo("26100");
        assertThat(m.ipAddresses()).containsExactly("192.0.2.42", "2001:db8:0:42::42", "192.0.2.142");
        assertThat(m.macAddresses()).containsExactly("02:00:5E:00:00:42", "02:00:5E:00:01:42");

        assertThat(r.products()).hasSize(2);
        CollectedProduct win = r.products().get(0);
        assertThat(win.productClass()).isEqualTo(ProductClass.SOFTWARE_LICENSING_PRODUCT);
        assertThat(win.skuId()).isEqualTo(SkuId.parse("11111111-0000-4000-8000-000000000042"));
        assertThat(win.applicationId()).isEqualTo(ApplicationId.WINDOWS);
        assertThat(win.name()).isEqualTo("Windows(R), Enterprise edition");
        assertThat(win.description()).isEqualTo("Windows(R) Operating System, VOLUME_MAK channel");
        assertThat(win.partialKey().toString()).isEqualTo("HMK42");
        assertThat(win.epid().toString()).isEqualTo("03612-04200-000-000042-03-1033-26100.0000-3262026");
        assertThat(win.channel()).isEqualTo("Volume:MAK");
        assertThat(win.licenseStatus()).isEqualTo(LicenseStatus.OOB_GRACE);
        assertThat(win.graceMinutes()).isEqualTo(43080);
        assertThat(win.iid().digits()).isEqualTo(WIN11_IID_1).hasSize(63);
        assertThat(win.iid().groupSize()).isEqualTo(7);

        CollectedProduct office = r.products().get(1);
        assertThat(office.applicationId()).isEqualTo(ApplicationId.OFFICE);
        assertThat(office.licenseStatus()).isEqualTo(LicenseStatus.NOTIFICATION);
        assertThat(office.graceMinutes()).isZero();
        assertThat(office.iid().digits()).isEqualTo(WIN11_IID_2);
    }

    @Test
    void win7Office2010_has54DigitIids_andOfficeSoftwareProtectionProduct() throws Exception {
        CollectorRecord r = reader.read(golden("win7-office2010.xml"));

        assertThat(r.machine().hostName()).isEqualTo("LAB-PC-0017");
        assertThat(r.machine().domain()).isEqualTo("WORKGROUP");
        assertThat(r.machine().partOfDomain()).isFalse();
        assertThat(r.machine().fqdn()).isEmpty();
        assertThat(r.machine().osBuild()).isEqualTo("7601");
        assertThat(r.products()).hasSize(2);

        CollectedProduct win7 = r.products().get(0);
        assertThat(win7.productClass()).isEqualTo(ProductClass.SOFTWARE_LICENSING_PRODUCT);
        assertThat(win7.applicationId()).isEqualTo(ApplicationId.WINDOWS);
        assertThat(win7.iid().digits())
                .isEqualTo("710001710002710003710004710005710006710007710008710009").hasSize(54);
        assertThat(win7.iid().groupSize()).isEqualTo(6);
        assertThat(win7.iid().groups()).hasSize(9).allSatisfy(g -> assertThat(g).hasSize(6));

        CollectedProduct office = r.products().get(1);
        assertThat(office.productClass()).isEqualTo(ProductClass.OFFICE_SOFTWARE_PROTECTION_PRODUCT);
        assertThat(office.applicationId()).isEqualTo(ApplicationId.OFFICE_2010);
        assertThat(office.applicationId().family()).isEqualTo("Office 2010");
        assertThat(office.name()).isEqualTo("Office 14, OfficeProPlus-MAK edition");
        assertThat(office.iid().digits())
                .isEqualTo("140001140002140003140004140005140006140007140008140009").hasSize(54);
        assertThat(office.licenseStatus()).isEqualTo(LicenseStatus.OOB_GRACE);
        assertThat(office.graceMinutes()).isEqualTo(43200);
    }

    @Test
    void noUuidNoNetwork_absentOptionalsAreEmptyStrings() throws Exception {
        CollectorRecord r = reader.read(golden("no-uuid-no-network.xml"));

        MachineIdentity m = r.machine();
        assertThat(m.hostName()).isEqualTo("LAB-PC-0099");
        assertThat(m.domain()).isEqualTo("WORKGROUP");
        assertThat(m.partOfDomain()).isFalse();
        assertThat(m.fqdn()).isEmpty();
        assertThat(m.smbiosUuid()).isEmpty();
        assertThat(m.hasUsableUuid()).isFalse();
        assertThat(m.serialNumber()).isEmpty();
        assertThat(m.osCaption()).isEqualTo("Microsoft Windows 10 Enterprise LTSC");
        assertThat(m.ipAddresses()).isEmpty();
        assertThat(m.macAddresses()).isEmpty();
        assertThat(r.products()).isEmpty();
    }

    @Test
    void readPath_givesTheSameRecordAsReadBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(WIN11);
        Files.write(file, golden(WIN11));

        assertThat(reader.read(file)).isEqualTo(reader.read(golden(WIN11)));
    }

    @Test
    void utf8BomIsAccepted() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        assertThat(reader.read(concat(bom, golden(WIN11)))).isEqualTo(reader.read(golden(WIN11)));
    }

    @Test
    void productDescriptionAbsent_isEmptyString() throws Exception {
        String text = goldenText(WIN11).replace(
                "<Description>Windows(R) Operating System, VOLUME_MAK channel</Description>", "");

        assertThat(reader.read(text.getBytes(UTF_8)).products().get(0).description()).isEmpty();
    }

    // =====================================================================================
    // Writer
    // =====================================================================================

    @Test
    void writerThenReader_roundTripsTheFixedRecord() throws Exception {
        CollectorRecord record = fixedRecord();

        assertThat(reader.read(writer.write(record))).isEqualTo(record);
    }

    @ParameterizedTest
    @ValueSource(strings = {"win11-office2021.xml", "win7-office2010.xml", "no-uuid-no-network.xml"})
    void goldenThenWriterThenReader_equals(String name) throws Exception {
        CollectorRecord record = reader.read(golden(name));

        byte[] written = writer.write(record);

        assertThat(reader.read(written)).isEqualTo(record);
        assertThat(writer.write(reader.read(written))).isEqualTo(written);
    }

    @Test
    void writerOutput_validatesAgainstTheXsd() throws Exception {
        Schema schema = independentSchema();
        List<CollectorRecord> records = new ArrayList<>();
        records.add(fixedRecord());
        for (String name : GOLDEN_FILES) {
            records.add(reader.read(golden(name)));
        }
        for (CollectorRecord record : records) {
            Validator v = schema.newValidator();
            v.validate(new StreamSource(new ByteArrayInputStream(writer.write(record))));
        }
    }

    /** The writer's exact bytes for {@link #fixedRecord()}, pinned (inspected by eye once). */
    @Test
    void writer_matchesTheGoldenVectorByteForByte() throws Exception {
        byte[] expected = golden("writer-expected.xml");

        byte[] actual = writer.write(fixedRecord());

        assertThat(new String(actual, UTF_8)).isEqualTo(new String(expected, UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    /** A record exercising escaping, non-ASCII text, both IID lengths, both WMI classes and omitted optionals. */
    static CollectorRecord fixedRecord() throws InvalidIdException {
        MachineIdentity machine = new MachineIdentity("LAB-PC-0500", "lab.example", true, "LAB-PC-0500.lab.example",
                "0dec0de0-0000-4000-8000-000000000500", "SN-0500 & <co>", "Microsoft Windows 11 Entreprise (fran\u00e7ais)",
                "10.0.26100", "26100", List.of("192.0.2.50", "2001:db8::50"), List.of("02:00:5E:00:05:00"));
        CollectedProduct windows = new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT,
                SkuId.parse("{11111111-0000-4000-8000-000000000500}"), ApplicationId.WINDOWS,
                "Windows(R), Enterprise edition", "Windows(R) Operating System, VOLUME_MAK channel \"caf\u00e9\"",
                PartialProductKey.parse("hmk46"),
                ExtendedProductId.parse("03612-05000-000-000500-03-1033-26100.0000-3262026"), "Volume:MAK",
                LicenseStatus.OOB_GRACE, 43080,
                InstallationId.parse("5000001-5000002-5000003-5000004-5000005-5000006-5000007-5000008-5000009"));
        CollectedProduct office2010 = new CollectedProduct(ProductClass.OFFICE_SOFTWARE_PROTECTION_PRODUCT,
                SkuId.parse("14141414-0000-4000-8000-000000000500"), ApplicationId.OFFICE_2010,
                "Office 14, OfficeProPlus-MAK edition", "", PartialProductKey.parse("CMK47"),
                ExtendedProductId.parse("05426-05000-000-000501-03-1033-7601.0000-3262026"), "Volume:MAK",
                LicenseStatus.LICENSED, 0, InstallationId.parse("500010500020500030500040500050500060500070500080500090"));
        return new CollectorRecord(Instant.parse("2026-11-22T12:34:56Z"), "1.0.0", machine,
                List.of(windows, office2010));
    }

    // =====================================================================================
    // Hostile inputs: one test per item, each a MalformedRecordException with a plain message
    // =====================================================================================

    /** A file that must be refused, with words its message must contain. */
    public record Hostile(String fileName, byte[] bytes, List<String> words) {
        Hostile(String fileName, String text, String... words) {
            this(fileName, text.getBytes(UTF_8), List.of(words));
        }

        Hostile(String fileName, byte[] bytes, String... words) {
            this(fileName, bytes, List.of(words));
        }
    }

    /** Every in-memory hostile file below (the 200 MB file is made on disk by the tests that need it). */
    public static List<Hostile> hostileCorpus() {
        return List.of(unclosedTag(), doctypeWithInternalSubset(), externalEntity(), billionLaughs(),
                undeclaredEntityReference(), randomBinary(), pngHeader(), empty(), onlyWhiteSpace(), truncated(),
                wrongNamespace(), missingNamespace(), formatVersion2(), missingFormatVersion(), otherRootElement(),
                missingHostName(), blankHostName(), missingInstallationId(), iidWithLetters(), iid62Digits(),
                iid64Digits(), iidWronglyGrouped(), malformedSkuGuid(), malformedEpid(), duplicateProduct(),
                duplicateIid(), latin1Bytes(), utf16(), declaresIso88591(), deeplyNested(), hugeTextAtTheSizeLimit(),
                oneByteOverTheSizeLimit(), hugeAttribute(), hugeFormatVersion(), hugeRootName(), unknownElement(),
                licenseStatusOutOfRange());
    }

    /** Creates a sparse file of {@code bytes} length (no disk blocks used). */
    public static Path sparseFile(Path file, long bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    static Hostile unclosedTag() {
        return new Hostile("unclosed-tag.xml", win11().replace("LAB-PC-0042</HostName>", "LAB-PC-0042"),
                "not well-formed XML", "line 23", "</HostName>");
    }

    static Hostile doctypeWithInternalSubset() {
        return new Hostile("doctype.xml", withDoctype("<!DOCTYPE MachineRecord [<!ENTITY host \"LAB-PC-0042\">]>",
                "&host;"), "DOCTYPE", "line 2", "refused");
    }

    static Hostile externalEntity() {
        return new Hostile("xxe.xml", withDoctype(
                "<!DOCTYPE MachineRecord [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"), "DOCTYPE");
    }

    static Hostile billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE MachineRecord [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        return new Hostile("billion-laughs.xml", withDoctype(dtd.toString(), "&lol9;"), "DOCTYPE");
    }

    static Hostile undeclaredEntityReference() {
        return new Hostile("entity-ref.xml", win11().replace("LAB-PC-0042</HostName>", "&host;</HostName>"),
                "entity reference", "&host;", "line 5");
    }

    static Hostile randomBinary() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        return new Hostile("random-binary.xml", bytes, "not a text file");
    }

    static Hostile pngHeader() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        return new Hostile("screenshot.png.xml", png, "not a text file");
    }

    static Hostile empty() {
        return new Hostile("empty.xml", new byte[0], "empty", "run it again");
    }

    static Hostile onlyWhiteSpace() {
        return new Hostile("blank.xml", " \r\n\t\n", "white space");
    }

    static Hostile truncated() {
        String text = win11();
        return new Hostile("truncated.xml", text.substring(0, text.length() / 2), "not well-formed XML",
                "Unexpected EOF");
    }

    static Hostile wrongNamespace() {
        return new Hostile("wrong-namespace.xml", win11().replace(CollectorRecord.NAMESPACE, "urn:example:other"),
                "namespace 'urn:example:other'", "expected '" + CollectorRecord.NAMESPACE + "'");
    }

    static Hostile missingNamespace() {
        return new Hostile("no-namespace.xml", win11().replace(" xmlns=\"" + CollectorRecord.NAMESPACE + "\"", ""),
                "namespace is missing");
    }

    static Hostile formatVersion2() {
        return new Hostile("version-2.xml", win11().replace("formatVersion=\"1\"", "formatVersion=\"2\""),
                "format version 2", "reads version 1");
    }

    static Hostile missingFormatVersion() {
        return new Hostile("no-version.xml", win11().replace("formatVersion=\"1\" ", ""),
                "no formatVersion attribute");
    }

    static Hostile otherRootElement() {
        return new Hostile("html.xml", "<?xml version=\"1.0\"?>\n<html><body>hello</body></html>",
                "starts with <html>", "not a collector record");
    }

    static Hostile missingHostName() {
        return new Hostile("no-hostname.xml", win11().replace("<HostName>LAB-PC-0042</HostName>", ""),
                "line 6", "<HostName> is expected");
    }

    static Hostile blankHostName() {
        return new Hostile("blank-hostname.xml",
                win11().replace("<HostName>LAB-PC-0042</HostName>", "<HostName>  </HostName>"), "HostName is empty");
    }

    static Hostile missingInstallationId() {
        return new Hostile("no-iid.xml",
                win11().replace("<OfflineInstallationId>" + WIN11_IID_1 + "</OfflineInstallationId>", ""),
                "line 36", "<OfflineInstallationId> is expected");
    }

    static Hostile iidWithLetters() {
        return new Hostile("iid-letters.xml", win11().replace(WIN11_IID_1, "11000011100002110000X" + WIN11_IID_1.substring(21)),
                "product 1 (Windows(R), Enterprise edition)", "OfflineInstallationId", "IID contains 'X' at position 21");
    }

    static Hostile iid62Digits() {
        return new Hostile("iid-62.xml", win11().replace(WIN11_IID_1, WIN11_IID_1.substring(1)),
                "OfflineInstallationId", "IID must be 54 or 63 digits, got 62");
    }

    static Hostile iid64Digits() {
        return new Hostile("iid-64.xml", win11().replace(WIN11_IID_1, WIN11_IID_1 + "1"),
                "OfflineInstallationId", "IID must be 54 or 63 digits, got 64");
    }

    static Hostile iidWronglyGrouped() {
        // 63 digits, but group 4 has 6 and group 5 has 8
        return new Hostile("iid-grouping.xml", win11().replace(WIN11_IID_1,
                "1234567-1234567-1234567-123456-12345678-1234567-1234567-1234567-1234567"),
                "OfflineInstallationId", "group 4 has 6 digits, expected 7");
    }

    static Hostile malformedSkuGuid() {
        return new Hostile("bad-sku.xml", win11().replace("11111111-0000-4000-8000-000000000042",
                "11111111-0000-4000-8000-00000000004Z"), "product 1", "SKU ID contains 'Z'");
    }

    static Hostile malformedEpid() {
        return new Hostile("bad-epid.xml", win11().replace("03612-04200-000-000042-03-1033-26100.0000-3262026",
                "0361-04200-000-000042-03-1033-26100.0000-3262026"), "ProductKeyID", "ePID part 1 has 4 digits");
    }

    static Hostile duplicateProduct() {
        return new Hostile("duplicate-product.xml", win11().replace("21212121-0000-4000-8000-000000000042",
                "11111111-0000-4000-8000-000000000042"), "products 1 and 2", "same SKU ID");
    }

    static Hostile duplicateIid() {
        return new Hostile("duplicate-iid.xml", win11().replace(WIN11_IID_2, WIN11_IID_1), "products 1 and 2",
                "same IID");
    }

    static Hostile latin1Bytes() {
        byte[] bytes = win11().replace("LAB-PC-0042</HostName>", "LAB-PC-0042-caf\u00e9</HostName>").getBytes(ISO_8859_1);
        return new Hostile("latin1.xml", bytes, "not valid UTF-8", "byte 0xE9");
    }

    static Hostile utf16() {
        return new Hostile("utf16.xml", win11().getBytes(UTF_16), "UTF-16", "must be UTF-8");
    }

    static Hostile declaresIso88591() {
        return new Hostile("iso-8859-1.xml", win11().replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\""),
                "declares encoding 'ISO-8859-1'", "only UTF-8");
    }

    static Hostile deeplyNested() {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        return new Hostile("deep.xml", win11().replace("<HostName>", deep + "<HostName>"), "deeper than 12");
    }

    /** Exactly {@link CollectorRecordReader#MAX_BYTES}: read, then refused by the schema (Description too long). */
    static Hostile hugeTextAtTheSizeLimit() {
        String text = win11();
        String old = "<Description>Windows(R) Operating System, VOLUME_MAK channel</Description>";
        int filler = CollectorRecordReader.MAX_BYTES - (text.getBytes(UTF_8).length - old.length())
                - "<Description></Description>".length();
        byte[] bytes = text.replace(old, "<Description>" + "A".repeat(filler) + "</Description>").getBytes(UTF_8);
        assertThat(bytes).hasSize(CollectorRecordReader.MAX_BYTES);
        return new Hostile("huge-text.xml", bytes, "line 29", "maxLength '1024'", "...");
    }

    static Hostile oneByteOverTheSizeLimit() {
        byte[] bytes = Arrays.copyOf(hugeTextAtTheSizeLimit().bytes(), CollectorRecordReader.MAX_BYTES + 1);
        bytes[bytes.length - 1] = '\n';
        return new Hostile("just-too-large.xml", bytes, "too large", "1048577 bytes", "at most 1048576 bytes");
    }

    static Hostile hugeAttribute() {
        return new Hostile("huge-attribute.xml", win11().replace("collectorVersion=\"1.0.0\"",
                "collectorVersion=\"" + "9".repeat(600_000) + "\""), "attribute size limit");
    }

    static Hostile hugeFormatVersion() {
        return new Hostile("huge-version.xml", win11().replace("formatVersion=\"1\"",
                "formatVersion=\"" + "9".repeat(400_000) + "\""), "format version 999", "(400000 characters)");
    }

    static Hostile hugeRootName() {
        String name = "M" + "a".repeat(400_000);
        return new Hostile("huge-root.xml", win11().replace("<MachineRecord", "<" + name)
                .replace("</MachineRecord>", "</" + name + ">"), "starts with <Maaa", "(400001 characters)");
    }

    static Hostile unknownElement() {
        return new Hostile("unknown-element.xml", win11().replace("<OsBuild>", "<Extra>x</Extra><OsBuild>"),
                "line 13", "<Extra>");
    }

    static Hostile licenseStatusOutOfRange() {
        return new Hostile("status-9.xml", win11().replaceFirst("<LicenseStatus>2<", "<LicenseStatus>9<"),
                "line 33", "'9'", "LicenseStatusCode");
    }

    @Test
    void malformedXml_unclosedTag_namesTheLine() {
        assertRejected(unclosedTag());
    }

    @Test
    void doctypeWithInternalSubset_refused() {
        assertRejected(doctypeWithInternalSubset());
    }

    @Test
    void externalEntity_refused_andTheReferencedFileNeverAppears() {
        MalformedRecordException e = assertRejected(externalEntity());

        assertThat(e.getMessage()).doesNotContain("root:").doesNotContain("/bin/");
        assertThat(fullText(e)).doesNotContain("root:x:0:0");
    }

    @Test
    void billionLaughs_refusedWithoutExpanding() {
        // a hang guard only: how fast it is refused is RefusalBench's figure
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertRejected(billionLaughs()));
    }

    @Test
    void billionLaughs_withoutTheDoctype_isAnEntityReference() {
        assertRejected(undeclaredEntityReference());
    }

    @Test
    void file200MB_refusedBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path big = sparseFile(dir.resolve("big.xml"), 200L << 20);

        assertThatThrownBy(() -> reader.read(big))
                .isExactlyInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("too large")
                .hasMessageContaining("200.0 MiB")
                .hasMessageContaining("at most 1.0 MiB");
        assertThatThrownBy(() -> CollectorRecordReader.readFileBytes(big))
                .isExactlyInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("too large");
        // zeros, had they been read, would be "not a text file" (how fast: RefusalBench)
    }

    @Test
    void binaryRandomBytesNamedXml_refused() {
        assertRejected(randomBinary());
    }

    @Test
    void randomBytesWithoutZeros_refusedAsNotUtf8() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytes[i] == 0 ? (byte) 0xC3 : bytes[i];
        }
        assertRejected(new Hostile("noise.xml", bytes, "not valid UTF-8"));
    }

    @Test
    void pngHeaderNamedXml_refused() {
        assertRejected(pngHeader());
    }

    @Test
    void emptyFile_refused() {
        assertRejected(empty());
    }

    @Test
    void whiteSpaceOnlyFile_refused() {
        assertRejected(onlyWhiteSpace());
    }

    @Test
    void truncatedFile_refused() {
        assertRejected(truncated());
    }

    @Test
    void everyTruncationOfAGoldenFile_refused() {
        byte[] full = golden(WIN11);
        // the last bytes are "</MachineRecord>": every shorter prefix is incomplete
        for (int n = 0; n < full.length; n += 7) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> reader.read(cut)).as("cut at %d", n)
                    .isExactlyInstanceOf(MalformedRecordException.class);
        }
    }

    @Test
    void wrongNamespace_refused() {
        assertRejected(wrongNamespace());
    }

    @Test
    void missingNamespace_refused() {
        assertRejected(missingNamespace());
    }

    @Test
    void formatVersion2_refused() {
        assertRejected(formatVersion2());
    }

    @Test
    void missingFormatVersion_refused() {
        assertRejected(missingFormatVersion());
    }

    @Test
    void otherRootElement_refused() {
        assertRejected(otherRootElement());
    }

    @Test
    void missingHostName_refused() {
        assertRejected(missingHostName());
    }

    @Test
    void blankHostName_refused() {
        assertRejected(blankHostName());
    }

    @Test
    void missingOfflineInstallationId_refused() {
        assertRejected(missingInstallationId());
    }

    @Test
    void iidWithLetters_refused() {
        assertRejected(iidWithLetters());
    }

    @Test
    void iidWith62Digits_refused() {
        assertRejected(iid62Digits());
    }

    @Test
    void iidWith64Digits_refused() {
        assertRejected(iid64Digits());
    }

    @Test
    void iidWronglyGrouped_refused() {
        assertRejected(iidWronglyGrouped());
    }

    @Test
    void malformedSkuGuid_refused() {
        assertRejected(malformedSkuGuid());
    }

    @Test
    void malformedEpid_refused() {
        assertRejected(malformedEpid());
    }

    @Test
    void duplicateProduct_refused() {
        assertRejected(duplicateProduct());
    }

    @Test
    void duplicateIidInOneFile_refused() {
        assertRejected(duplicateIid());
    }

    @Test
    void nonUtf8Latin1Bytes_refused() {
        assertRejected(latin1Bytes());
    }

    @Test
    void utf16File_refused() {
        assertRejected(utf16());
    }

    @Test
    void declaredIso88591_refused() {
        assertRejected(declaresIso88591());
    }

    @Test
    void deeplyNestedElements_refused() {
        assertRejected(deeplyNested());
    }

    @Test
    void hugeText_exactlyAtTheSizeLimit_isReadThenRefusedByTheSchema_withAShortMessage() {
        MalformedRecordException e = assertRejected(hugeTextAtTheSizeLimit());

        assertThat(e.getMessage()).hasSizeLessThan(400);
    }

    @Test
    void oneByteOverTheSizeLimit_refusedAsTooLarge() {
        assertRejected(oneByteOverTheSizeLimit());
    }

    @Test
    void validRecordPaddedToExactlyTheSizeLimit_isRead() throws Exception {
        byte[] text = golden(WIN11);
        int filler = CollectorRecordReader.MAX_BYTES - text.length - "\n<!--  -->".length();
        byte[] padded = concat(text, ("\n<!-- " + "x".repeat(filler) + " -->").getBytes(UTF_8));
        assertThat(padded).hasSize(CollectorRecordReader.MAX_BYTES);

        assertThat(reader.read(padded)).isEqualTo(reader.read(text));
        assertThatThrownBy(() -> reader.read(concat(padded, new byte[] {'\n'})))
                .isExactlyInstanceOf(MalformedRecordException.class).hasMessageContaining("too large");
    }

    @Test
    void hugeAttribute_refused() {
        assertRejected(hugeAttribute());
    }

    @Test
    void hugeFormatVersion_refused_withAShortMessage() {
        assertThat(assertRejected(hugeFormatVersion()).getMessage()).hasSizeLessThan(400);
    }

    @Test
    void hugeRootElementName_refused_withAShortMessage() {
        assertThat(assertRejected(hugeRootName()).getMessage()).hasSizeLessThan(400);
    }

    @Test
    void unknownElement_refused() {
        assertRejected(unknownElement());
    }

    @Test
    void licenseStatusOutOfRange_refused() {
        assertRejected(licenseStatusOutOfRange());
    }

    @Test
    void schemaMessages_areFreeOfParserJargon() {
        for (Hostile h : List.of(missingHostName(), missingInstallationId(), unknownElement(),
                licenseStatusOutOfRange(), hugeTextAtTheSizeLimit())) {
            MalformedRecordException e = assertRejected(h);
            assertThat(e.getMessage()).as(h.fileName())
                    .doesNotContain("Exception").doesNotContain("cvc-").doesNotContain("urn:airlock")
                    .doesNotContain("lineNumber");
        }
    }

    @Test
    void wholeCorpus_everyFileRefusedWithItsWords_inAShortMessage() {
        assertThat(hostileCorpus()).hasSizeGreaterThan(30);
        for (Hostile h : hostileCorpus()) {
            assertThat(assertRejected(h).getMessage()).as(h.fileName()).hasSizeLessThan(400);
        }
    }

    private MalformedRecordException assertRejected(Hostile h) {
        try {
            CollectorRecord r = reader.read(h.bytes());
            return fail("%s was read as a record of %s", h.fileName(), r.machine().hostName());
        } catch (MalformedRecordException e) {
            assertThat(e.getMessage()).as(h.fileName()).contains(h.words());
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(h.fileName() + " escaped as " + e, e);
        }
    }

    // =====================================================================================
    // Properties: any bytes give a record or a MalformedRecordException, nothing else
    // =====================================================================================

    @Property(tries = 300)
    void arbitraryBytes_recordOrMalformedRecordException(@ForAll @Size(max = 600) byte[] bytes) {
        readsOrRejectsCleanly(bytes);
    }

    @Property(tries = 300)
    void arbitraryXmlishText_recordOrMalformedRecordException(@ForAll("xmlish") String text) {
        readsOrRejectsCleanly(text.getBytes(UTF_8));
    }

    @Property(tries = 1500)
    void mutatedGoldenFiles_recordOrMalformedRecordException(@ForAll("mutatedGolden") byte[] bytes) {
        readsOrRejectsCleanly(bytes);
    }

    @Provide
    Arbitrary<String> xmlish() {
        Arbitrary<String> token = Arbitraries.of("<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x110000;", "\"", "'",
                "=", " ", "\n", "<?xml version=\"1.0\"?>", "<!DOCTYPE a>", "<![CDATA[", "]]>", "<!--", "-->",
                "MachineRecord", "Product", "xmlns=\"" + CollectorRecord.NAMESPACE + "\"", "formatVersion=\"1\"",
                "a:", "xmlns:a=\"x\"", "\u00e9", "\ud83d\ude00", "\u0000", "\uFFFE");
        return token.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<byte[]> mutatedGolden() {
        Arbitrary<byte[]> base = Arbitraries.of(GOLDEN_FILES).map(CollectorRecordReaderTest::golden);
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.bytes())
                        .as((at, b) -> (Mutation) bytes -> flip(bytes, at, b)),
                Arbitraries.doubles().between(0, 1).map(at -> (Mutation) bytes -> truncate(bytes, at)),
                Combinators.combine(Arbitraries.doubles().between(0, 1), insertions())
                        .as((at, ins) -> (Mutation) bytes -> insert(bytes, at, ins)),
                Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 40))
                        .as((at, n) -> (Mutation) bytes -> delete(bytes, at, n)));
        return Combinators.combine(base, mutation.list().ofMinSize(1).ofMaxSize(4)).as((bytes, ms) -> {
            byte[] out = bytes;
            for (Mutation m : ms) {
                out = m.apply(out);
            }
            return out;
        });
    }

    private static Arbitrary<byte[]> insertions() {
        return Arbitraries.oneOf(
                Arbitraries.of("<", ">", "&", "'", "\"", "</", "/>", "<!DOCTYPE x>", "&amp;", "&#0;", "&#xD800;",
                        " ", "\n", "\u00e9", "]]>", "<![CDATA[", "<?x?>", "xmlns=\"\"", "xmlns:a=\"b\"", "a:", "=",
                        "-", "1", "\u00a0", "<Product class=\"SoftwareLicensingProduct\">", "</Products>")
                        .map(s -> s.getBytes(UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
    }

    @FunctionalInterface
    private interface Mutation {
        byte[] apply(byte[] bytes);
    }

    private static int at(byte[] bytes, double where) {
        return Math.min(bytes.length, (int) (where * bytes.length));
    }

    private static byte[] flip(byte[] bytes, double where, byte value) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] out = bytes.clone();
        out[Math.min(out.length - 1, at(bytes, where))] = value;
        return out;
    }

    private static byte[] truncate(byte[] bytes, double where) {
        return Arrays.copyOf(bytes, at(bytes, where));
    }

    private static byte[] insert(byte[] bytes, double where, byte[] ins) {
        int p = at(bytes, where);
        byte[] out = new byte[bytes.length + ins.length];
        System.arraycopy(bytes, 0, out, 0, p);
        System.arraycopy(ins, 0, out, p, ins.length);
        System.arraycopy(bytes, p, out, p + ins.length, bytes.length - p);
        return out;
    }

    private static byte[] delete(byte[] bytes, double where, int n) {
        int p = at(bytes, where);
        int len = Math.min(n, bytes.length - p);
        byte[] out = new byte[bytes.length - len];
        System.arraycopy(bytes, 0, out, 0, p);
        System.arraycopy(bytes, p + len, out, p, bytes.length - p - len);
        return out;
    }

    private void readsOrRejectsCleanly(byte[] bytes) {
        try {
            CollectorRecord r = reader.read(bytes);
            assertThat(r.machine().hostName()).isNotBlank();
        } catch (MalformedRecordException e) {
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("escaped as " + e + " for input: " + new String(bytes, UTF_8), e);
        }
    }

    // =====================================================================================
    // Helpers
    // =====================================================================================

    static byte[] golden(String name) {
        try (InputStream in = CollectorRecordReaderTest.class.getResourceAsStream(GOLDEN + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + GOLDEN + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String goldenText(String name) {
        return new String(golden(name), UTF_8);
    }

    static String win11() {
        return goldenText(WIN11);
    }

    /** The win11 golden with {@code doctype} after the declaration and {@code ref} as the host name. */
    private static String withDoctype(String doctype, String ref) {
        String text = win11();
        int root = text.indexOf("<MachineRecord");
        return text.substring(0, root) + doctype + "\n"
                + text.substring(root).replace("<HostName>LAB-PC-0042</HostName>", "<HostName>" + ref + "</HostName>");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String fullText(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t).append('\n');
        }
        return s.toString();
    }

    private static Schema independentSchema() throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = CollectorRecordReaderTest.class.getResourceAsStream(CollectorRecord.XSD_RESOURCE)) {
            return sf.newSchema(new StreamSource(xsd));
        }
    }
}
