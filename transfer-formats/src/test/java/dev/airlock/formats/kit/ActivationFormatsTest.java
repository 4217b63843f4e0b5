package dev.airlock.formats.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The activation kit and apply result formats: golden files, round trips, hostile input. */
class ActivationFormatsTest {
    private static final String BASE = "/dev/airlock/formats/kit/";
    private static final String GOLDEN_KIT = BASE + "golden-kit/LAB-PC-0042_0DEC0DE0-0000-4000-8000-000000000042.xml";
    private static final String IID1 = "110000111000021100003110000411000051100006110000711000081100009";
    private static final String IID2 = "210000121000022100003210000421000052100006210000721000082100009";
    private static final String SKU1 = "11111111-0000-4000-8000-000000000042";
    private static final String SKU2 = "21212121-0000-4000-8000-000000000042";

    private final ActivationKitReader kitReader = new ActivationKitReader();
    private final ApplyResultReader resultReader = new ApplyResultReader(new CollectorRecordReader());

    static ActivationKit sampleKit() throws Exception {
        return new ActivationKit(Instant.parse("2026-11-23T08:00:00Z"), "LAB-PC-0042",
                "0DEC0DE0-0000-4000-8000-000000000042", List.of(
                        new ActivationKit.Product(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(SKU1),
                                "Windows(R), Enterprise edition", InstallationId.parse(IID1),
                                ConfirmationId.parse("111111222222333333444444555555666666777777888888")),
                        new ActivationKit.Product(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(SKU2),
                                "Office 21, Office21ProPlus2021VL_MAK_AE edition", InstallationId.parse(IID2),
                                ConfirmationId.parse("121212343434565656787878909090101010232323454545"))));
    }

    @Test
    void kitWriter_matchesTheGoldenFileByteForByte() throws Exception {
        assertThat(new String(new ActivationKitWriter().write(sampleKit()), StandardCharsets.UTF_8))
                .isEqualTo(new String(resource(GOLDEN_KIT), StandardCharsets.UTF_8));
        assertThat(sampleKit().fileName()).isEqualTo("LAB-PC-0042_0DEC0DE0-0000-4000-8000-000000000042.xml");
    }

    @Test
    void kit_roundTripsThroughWriterAndReader() throws Exception {
        ActivationKit kit = sampleKit();
        assertThat(kitReader.read(new ActivationKitWriter().write(kit))).isEqualTo(kit);
        ActivationKit noUuid = new ActivationKit(kit.created(), "PC <&> 7", "", kit.products().subList(0, 1));
        assertThat(kitReader.read(new ActivationKitWriter().write(noUuid))).isEqualTo(noUuid);
        assertThat(noUuid.fileName()).isEqualTo("PC_____7_no-uuid.xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<ConfirmationId>111111222222333333444444555555666666777777888888</ConfirmationId>|<ConfirmationId>12</ConfirmationId>",
        "formatVersion=\"1\"|formatVersion=\"2\"",
        "urn:airlock:activation-kit:1|urn:airlock:activation-kit:9",
        "<Created>|<!DOCTYPE x [<!ENTITY e \"x\">]><Created>",
        "<Name>Windows(R), Enterprise edition</Name>|<Name>Windows</Name><Extra/>",
    })
    void kitReader_refusesBrokenFiles(String edit) throws Exception {
        String[] parts = edit.split("\\|");
        String golden = new String(resource(GOLDEN_KIT), StandardCharsets.UTF_8);
        assertThat(golden).contains(parts[0]);
        byte[] broken = golden.replace(parts[0], parts[1]).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> kitReader.read(broken)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void goldenResult_verified_parsesEveryOutcomeAndTheFreshRecord() throws Exception {
        ApplyResult r = resultReader.read(resource(BASE + "golden-results/win11-verified.xml"));

        assertThat(r.applied()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(r.kitFile()).isEqualTo("LAB-PC-0042_0DEC0DE0-0000-4000-8000-000000000042.xml");
        assertThat(r.outcomes()).extracting(ApplyResult.Outcome::result)
                .containsExactly(ApplyResult.Result.DEPOSITED, ApplyResult.Result.DEPOSITED);
        assertThat(r.outcomes().get(0).licenseStatus()).contains(LicenseStatus.LICENSED);
        assertThat(r.outcomes().get(0).returnCodeHex()).isEqualTo("0x00000000");
        assertThat(r.machineRecord().machine().hostName()).isEqualTo("LAB-PC-0042");
        assertThat(r.machineRecord().products()).extracting(CollectedProduct::licenseStatus)
                .containsOnly(LicenseStatus.LICENSED);
    }

    @Test
    void goldenResult_failed_keepsTheCodeAndTheChangedIid() throws Exception {
        ApplyResult r = resultReader.read(resource(BASE + "golden-results/win11-failed.xml"));

        assertThat(r.outcomes().get(0).result()).isEqualTo(ApplyResult.Result.IID_CHANGED);
        assertThat(r.outcomes().get(0).returnCode()).isEmpty();
        assertThat(r.outcomes().get(1).result()).isEqualTo(ApplyResult.Result.FAILED);
        assertThat(r.outcomes().get(1).returnCodeHex()).isEqualTo("0xC004F04D");
        assertThat(r.machineRecord().products().get(0).iid().digits()).isNotEqualTo(IID1);
    }

    @Test
    void resultWriter_roundTripsThroughTheReader() throws Exception {
        ApplyResult golden = resultReader.read(resource(BASE + "golden-results/win11-failed.xml"));
        ApplyResult again = resultReader.read(new ApplyResultWriter().write(golden));

        assertThat(again).isEqualTo(golden);
        ApplyResult none = new ApplyResult(golden.applied(), "1.1.0", "", List.of(), golden.machineRecord());
        assertThat(resultReader.read(new ApplyResultWriter().write(none)).outcomes()).isEmpty();
        ApplyResult.Outcome o = new ApplyResult.Outcome(SkuId.parse(SKU1), InstallationId.parse(IID1),
                ApplyResult.Result.FAILED, OptionalLong.of(-1073418163L), Optional.empty(), "");
        assertThat(o.returnCodeHex()).isEqualTo("0xC004F04D");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Result>Failed</Result>|<Result>Deposited</Result>",
        "<ReturnCode>0xC004F04D</ReturnCode>|",
        "<ReturnCode>0xC004F04D</ReturnCode>|<ReturnCode>0x00000000</ReturnCode>",
        "<Result>Failed</Result>|<Result>Maybe</Result>",
        "<HostName>LAB-PC-0042</HostName>|<HostName></HostName>",
        "<LicenseStatus>5</LicenseStatus>|<LicenseStatus>9</LicenseStatus>",
        "xmlns=\"urn:airlock:collector-record:1\"|xmlns=\"urn:airlock:collector-record:2\"",
        "<Applied>|<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Applied>",
        "<KitFile>|<Unknown/><KitFile>",
    })
    void resultReader_refusesBrokenFiles(String edit) throws Exception {
        String[] parts = edit.split("\\|", -1);
        String golden = new String(resource(BASE + "golden-results/win11-failed.xml"), StandardCharsets.UTF_8);
        assertThat(golden).contains(parts[0]);
        byte[] broken = golden.replaceFirst(java.util.regex.Pattern.quote(parts[0]),
                java.util.regex.Matcher.quoteReplacement(parts[1])).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> resultReader.read(broken)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void resultReader_refusesACollectorRecord_andOversizeInput() throws Exception {
        byte[] record = resource(BASE + "golden/win11-office2021.xml");
        assertThat(ApplyResultReader.looksLikeResult(record)).isFalse();
        assertThat(ApplyResultReader.looksLikeResult(resource(BASE + "golden-results/win11-verified.xml"))).isTrue();
        assertThatThrownBy(() -> resultReader.read(record)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("ApplyResult");
        assertThatThrownBy(() -> resultReader.read(new byte[ApplyResultReader.MAX_BYTES + 1]))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("too large");
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
