package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.demo.StandInActivationService;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.signature.PublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advisory group check at the CLI's typed-input surfaces: {@code add} and phone entry. */
class GroupCheckCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";
    /** A made-up IID whose 9 groups fit the check. */
    private static final String IID = GroupCheck.withCheckDigits("1234560" + "2345670" + "3456780" + "4567890"
            + "5678900" + "6789010" + "7890120" + "8901230" + "9012340", 7);

    @TempDir
    Path tmp;

    /** {@link #IID} with group 4's first digit changed by 1: group 4 fails the check. */
    private static String mistypedInGroup4() {
        char c = IID.charAt(21);
        return IID.substring(0, 21) + (char) (c == '9' ? '8' : c + 1) + IID.substring(22);
    }

    private CliRun run(Path data, String stdin, String... args) {
        return CliRun.run(Map.of("AIRLOCK_DATA", data.toString(), SecretInput.PASSPHRASE_ENV, PASSPHRASE), stdin,
                args);
    }

    private String[] add(String host, String... more) {
        List<String> args = new ArrayList<>(List.of("add", "--host", host, "--sku",
                "73111121-5638-40f6-bc11-f1d7b0d64300", "--name", "Windows 11 Enterprise", "--epid", EPID));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private Path lab() {
        Path data = tmp.resolve("lab");
        assertThat(run(data, "", "init", "--role", "lab", "--name", "Lab 1").exit()).isZero();
        return data;
    }

    @Test
    void add_withFittingIid_isRecorded() {
        Path data = lab();
        assertThat(GroupCheck.failing(IID, 7)).isEmpty();
        CliRun r = run(data, "", add("LAB-PC-1", "--iid", String.join(" ", IID.split("(?<=\\G.{7})"))));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.all()).doesNotContain("mistyped");
    }

    @Test
    void add_withMistypedGroup_isRefusedNamingTheGroup_andRecordsNothing() {
        Path data = lab();
        CliRun r = run(data, "", add("LAB-PC-2", "--iid", mistypedInGroup4()));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("IID group 4 looks mistyped (its check digit does not fit)")
                .contains("type it again").contains("--keep-as-typed").contains("Nothing was recorded");
        assertThat(run(data, "", "show", "LAB-PC-2").exit()).isEqualTo(1);
    }

    @Test
    void add_withMistypedGroup_andKeepAsTyped_isRecordedWithANote() {
        Path data = lab();
        CliRun r = run(data, "", add("LAB-PC-3", "--iid", mistypedInGroup4(), "--keep-as-typed"));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("IID group 4 looks mistyped").contains("kept as typed");
        assertThat(r.out()).contains("Added machine LAB-PC-3");
    }

    @Test
    void add_typedOnStdin_withMistypedGroup_asksToKeep_yKeeps_otherwiseRefused() {
        Path data = lab();
        String typo = mistypedInGroup4();
        CliRun no = run(data, typo + "\n" + typo + "\n\n", add("LAB-PC-4"));
        assertThat(no.exit()).isEqualTo(1);
        assertThat(no.err()).contains("Keep it as typed? [y/N]").contains("nothing was recorded");

        CliRun yes = run(data, typo + "\n" + typo + "\ny\n", add("LAB-PC-4"));
        assertThat(yes.exit()).as(yes.all()).isZero();
        assertThat(yes.out()).contains("Added machine LAB-PC-4");
    }

    @Test
    void add_withADroppedDigit_namesTheGroupWhereItWasDropped() {
        Path data = lab();
        String dropped = IID.substring(0, 3 * 7 + 4) + IID.substring(3 * 7 + 5); // only group 4 fits the shift
        CliRun r = run(data, "", add("LAB-PC-5", "--iid", dropped));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("IID must be 54 or 63 digits, got 62: group 4 looks one digit short");
    }

    @Test
    void add_54DigitIidFailingTheCheck_isRecordedWithANoteOnly() {
        Path data = lab();
        String iid54 = "123451".repeat(9);
        CliRun r = run(data, "", add("LAB-PC-6", "--iid", iid54));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("may be mistyped").contains("not confirmed for 54-digit IIDs");
    }

    // --- phone entry: gateway process --mode phone -------------------------------------------

    /** A gateway that pins a lab, and a one-record request from that lab; returns the request file. */
    private Path gatewayWithRequest(Path gw) throws Exception {
        Appliance lab = Appliance.init(gw.resolveSibling(gw.getFileName() + "-lab"), ApplianceInfo.Role.LAB, "Lab 3", Samples.SUPERVISOR,
                Samples.CLOCK, new SplittableRandom(1), KeyService.prepare(Passphrase.of(PASSPHRASE),
                        new SecureRandom()), d -> { });
        Appliance gateway = Appliance.init(gw, ApplianceInfo.Role.GATEWAY, "gw", Samples.SUPERVISOR, Samples.CLOCK,
                new SplittableRandom(2), KeyService.prepare(Passphrase.of(PASSPHRASE), new SecureRandom()), d -> { });
        try (lab; gateway) {
            PublicKey key = lab.keys().publicKey();
            gateway.enroll().pin(ApplianceInfo.Role.LAB, "Lab 3", key, key.fingerprint(), Samples.SUPERVISOR);
            List<ExportRecord> recs = List.of(new ExportRecord(SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"),
                    ApplicationId.WINDOWS, "Windows 11 Enterprise", ExtendedProductId.parse(EPID),
                    InstallationId.parse(IID)));
            RequestBundle.Built built = RequestBundle.build(key.id(), recs, List.of(), Samples.NOW,
                    new SplittableRandom(5));
            SignedBundle signed = SignedBundle.sign(built.bundle(), key.id(),
                    lab.keys().signer(Passphrase.of(PASSPHRASE), Samples.SUPERVISOR));
            Path file = gw.resolveSibling(gw.getFileName() + "-request.xml");
            Files.write(file, BundleFile.write(signed, key));
            return file;
        }
    }

    /** The CID's groups typed one per line, group D changed by 1 (so it fails the check). */
    private static List<String> cidGroupsWithMistypedD() throws Exception {
        List<String> groups = new ArrayList<>(ConfirmationId.parse(StandInActivationService.cidFor(IID)).groups());
        String d = groups.get(3);
        groups.set(3, (d.charAt(0) == '9' ? "8" : String.valueOf((char) (d.charAt(0) + 1))) + d.substring(1));
        return groups;
    }

    private static String lines(List<String> groups, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(groups.get(i)).append('\n');
        }
        return s.toString();
    }

    @Test
    void phone_mistypedGroup_notConfirmed_isRefusedWithExit1_andTheFixInWords() throws Exception {
        Path gw = tmp.resolve("gw");
        Path request = gatewayWithRequest(gw);
        List<String> typed = cidGroupsWithMistypedD();
        CliRun r = run(gw, lines(typed, 0, 4), "gateway", "process", request.toString(), "--to",
                tmp.resolve("stick").toString(), "--mode", "phone");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("CID group D looks mistyped (its check digit does not fit): check it with the"
                + " caller. Keep it as typed? [y/N]")
                .contains("answer y to keep it as typed, or add --keep-as-typed")
                .contains("No response written");
    }

    @Test
    void phone_mistypedGroup_answeredN_isAskedAgain_andTheRightGroupSaves() throws Exception {
        Path gw = tmp.resolve("gw");
        Path request = gatewayWithRequest(gw);
        List<String> typed = cidGroupsWithMistypedD();
        String right = ConfirmationId.parse(StandInActivationService.cidFor(IID)).groups().get(3);
        CliRun r = run(gw, lines(typed, 0, 4) + "n\n" + right + "\n" + lines(typed, 4, 8) + "y\n", "gateway", "process",
                request.toString(), "--to", tmp.resolve("stick").toString(), "--mode", "phone");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("group D looks mistyped").contains("Response written");
    }

    @Test
    void phone_mistypedGroup_keptByY_orByKeepAsTyped_isSaved() throws Exception {
        Path gw = tmp.resolve("gw");
        Path request = gatewayWithRequest(gw);
        List<String> typed = cidGroupsWithMistypedD();
        CliRun yes = run(gw, lines(typed, 0, 4) + "y\n" + lines(typed, 4, 8) + "y\n", "gateway", "process",
                request.toString(), "--to", tmp.resolve("stick").toString(), "--mode", "phone");
        assertThat(yes.exit()).as(yes.all()).isZero();
        assertThat(yes.out()).contains("Read back: " + String.join(" ", typed)).contains("Response written");

        Path gw2 = tmp.resolve("gw2");
        Path request2 = gatewayWithRequest(gw2);
        CliRun kept = run(gw2, lines(typed, 0, 8) + "y\n", "gateway", "process",
                request2.toString(), "--to", tmp.resolve("stick2").toString(), "--mode", "phone", "--keep-as-typed");
        assertThat(kept.exit()).as(kept.all()).isZero();
        assertThat(kept.out()).contains("CID group D looks mistyped").contains("kept as typed (--keep-as-typed)")
                .doesNotContain("Keep it as typed?");
    }
}
