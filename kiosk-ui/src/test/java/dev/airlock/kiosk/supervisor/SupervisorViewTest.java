package dev.airlock.kiosk.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.operators.Operator;
import dev.airlock.appliance.operators.OperatorRole;
import dev.airlock.appliance.store.ApplianceInfo.Role;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.KeyCard;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.signature.SigningKey;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SupervisorViewTest extends KioskViewTest {
    static final String MAK = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @Autowired
    KioskSettings settings;

    @Test
    void technician_openingSupervisor_isSentAwayWithTheNotice() {
        signedIn(Role.LAB, false);
        try {
            UI.getCurrent().navigate("supervisor");
        } catch (RuntimeException e) {
            // a missing home view may surface as an error here; the point is we are not on the supervisor view
        }
        assertThat(getCurrentView()).isNotInstanceOf(SupervisorView.class);
        assertThat($(Notification.class).all()).anyMatch(n -> test(n).getText().contains("Only a supervisor"));
    }

    @Test
    void tabs_fromTheUrl_selectTheTab() {
        signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "audit");
        assertThat(view.tabs.getSelectedIndex()).isEqualTo(SupervisorView.TABS.indexOf("audit"));
    }

    @Test
    void makAdd_masksTheKeyAndNeverShowsItBack() {
        Appliance a = signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class);
        assertThat(view.mak.key).isInstanceOf(PasswordField.class);
        test(view.mak.key).setValue(MAK);
        test(view.mak.description).setValue("Windows 11 Enterprise, lab 3");
        test(view.mak.add).click();
        assertThat(view.mak.error.getText()).isEmpty();
        assertThat(view.mak.key.getValue()).isEmpty();
        List<MakEntry> entries = a.makVault().list();
        assertThat(entries).anyMatch(e -> e.partialKey().equals("6789B"));
        assertThat(view.getElement().getOuterHTML()).doesNotContain("BCDFG").doesNotContain("HJKMP");
        assertThat(view.mak.list.getGenericDataView().getItems().toList()).anyMatch(e -> e.partialKey().equals("6789B"));
    }

    @Test
    void makAdd_withABadKey_saysWhyAndAddsNothing() {
        Appliance a = signedIn(Role.LAB, true);
        int before = a.makVault().list().size();
        SupervisorView view = navigate(SupervisorView.class);
        test(view.mak.key).setValue("BCDFG-HJKMP");
        test(view.mak.add).click();
        assertThat(view.mak.error.getText()).contains("25 characters").doesNotContain("BCDFG");
        assertThat(a.makVault().list()).hasSize(before);
    }

    @Test
    void trustTab_openedAgain_showsTheSameCard_signedAndAuditedOnce() throws Exception {
        var a = signedIn(dev.airlock.appliance.store.ApplianceInfo.Role.LAB, true);
        java.util.function.LongSupplier cards = () -> a.audit().recent(10_000, "").stream()
                .filter(e -> e.action().equals("keys.card")).count();
        long before = cards.getAsLong();
        navigate(SupervisorView.class, "trust");
        navigate(SupervisorView.class, "mak");
        navigate(SupervisorView.class, "trust");
        assertThat(cards.getAsLong() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void trustImport_withAWrongTypedFingerprint_storesNothing() throws Exception {
        Appliance a = signedIn(Role.LAB, true);
        SigningKey gateway = SigningKey.generate(new SecureRandom());
        SignedBundle card = SignedBundle.sign(KeyCard.of(KeyCard.Role.GATEWAY, "Gateway 1", gateway, Instant.now()),
                gateway);
        Path stick = Files.createTempDirectory("card-stick");
        Path file = stick.resolve(BundleFile.fileName(card));
        Files.write(file, BundleFile.write(card, gateway.publicKey()));
        String right = gateway.publicKey().fingerprint().digits();
        String wrong = (right.charAt(0) == '1' ? "2" : "1") + right.substring(1);

        SupervisorView view = navigate(SupervisorView.class, "trust");
        view.trust.peerImport.cardFile.setItems(file);
        view.trust.peerImport.cardFile.setValue(file);
        view.trust.peerImport.fingerprint.setValue(wrong);
        test(view.trust.peerImport.confirm).click();
        assertThat(view.trust.peerImport.message.getText()).contains("does not match").contains("nothing was stored")
                .doesNotContain(right.substring(5, 10));
        assertThat(a.enroll().list()).isEmpty();

        view.trust.peerImport.fingerprint.setValue(right);
        test(view.trust.peerImport.confirm).click();
        assertThat(a.enroll().list()).extracting(p -> p.label()).containsExactly("Gateway 1");
    }

    @Test
    void trustScan_ofAPeerCardQr_thenTheRightFingerprint_pinsIt() throws Exception {
        Appliance a = signedIn(Role.LAB, true);
        SigningKey gateway = SigningKey.generate(new SecureRandom());
        SignedBundle card = SignedBundle.sign(KeyCard.of(KeyCard.Role.GATEWAY, "Gateway QR", gateway, Instant.now()),
                gateway);
        SupervisorView view = navigate(SupervisorView.class, "trust");
        for (String frame : new QrEncoder(card.envelope(), QrOptions.defaults()).frames()) {
            view.trust.peerImport.scan.receive(frame);
        }
        assertThat(view.trust.peerImport.scanned.getText()).contains("Gateway QR");
        view.trust.peerImport.fingerprint.setValue(gateway.publicKey().fingerprint().digits());
        test(view.trust.peerImport.confirm).click();
        assertThat(a.enroll().list()).extracting(p -> p.label()).contains("Gateway QR");
    }

    @Test
    void trust_showsOurCardAsQrAndFingerprint() throws Exception {
        Appliance a = signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "trust");
        assertThat(view.trust.ours.cardQr.getElement().getOuterHTML()).contains("data:image/png;base64,");
        assertThat(view.getElement().getTextRecursively())
                .contains(a.keys().publicKey().fingerprint().groups().get(0));
    }

    @Test
    void operators_addRemove_andTheLastSupervisorIsRefused() {
        Appliance a = signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "operators");
        OperatorsTab ops = view.operators;
        test(ops.name).setValue("Sam Supervisor");
        ops.role.setValue(OperatorRole.SUPERVISOR);
        test(ops.pin).setValue("1234");
        test(ops.pinAgain).setValue("1234");
        test(ops.add).click();
        test(ops.name).setValue("Tess Technician");
        ops.role.setValue(OperatorRole.TECHNICIAN);
        test(ops.pin).setValue("5678");
        test(ops.pinAgain).setValue("5679");
        test(ops.add).click();
        assertThat(ops.message.getText()).contains("differ");
        test(ops.pin).setValue("5678");
        test(ops.pinAgain).setValue("5678");
        test(ops.add).click();
        assertThat(a.operators().list()).extracting(Operator::name).contains("Sam Supervisor", "Tess Technician");
        assertThat(ops.grid.getGenericDataView().getItems().toList()).hasSize(a.operators().list().size());

        Operator tess = a.operators().findByName("Tess Technician").orElseThrow();
        ops.remove(tess);
        assertThat(a.operators().findByName("Tess Technician")).isEmpty();

        Operator sam = a.operators().findByName("Sam Supervisor").orElseThrow();
        ops.remove(sam);
        assertThat(ops.message.getText()).contains("last supervisor");
        assertThat(a.operators().findByName("Sam Supervisor")).isPresent();
    }

    @Test
    void auditVerify_showsIntact() {
        signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "audit");
        test(view.audit.verify).click();
        assertThat(view.audit.result.getText()).contains("intact");
    }

    @Test
    void auditSign_signsTheHead_andShowsTheSignedState() {
        Appliance a = signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "audit");
        test(view.audit.sign).click();
        assertThat(view.audit.result.getText()).startsWith("Signed the head: rows 1 to ");
        assertThat(view.audit.signedState.getText()).startsWith("Last signed head: rows 1 to ")
                .endsWith("Every row is under it.");
        assertThat(a.audit().recent(1, "").get(0).action()).isEqualTo("audit.sign");
        test(view.audit.verify).click();
        assertThat(view.audit.result.getText()).contains("intact").contains("are proven by the appliance's signature");
    }

    @Test
    void auditTab_afterRowsSinceTheLastSignedHead_countsThemAsNotYetSigned() {
        Appliance a = signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "audit");
        test(view.audit.sign).click();
        a.inventory().addManual(dev.airlock.appliance.testing.Samples.manualEntry(1),
                dev.airlock.appliance.testing.Samples.TECHNICIAN);
        test(view.audit.verify).click();
        assertThat(view.audit.signedState.getText()).endsWith("1 row since: chained, but not yet signed.");
    }

    @Test
    void settings_rejectIdleZeroWithTheSettingsMessage_andSaveAGoodValue() {
        signedIn(Role.LAB, true);
        SupervisorView view = navigate(SupervisorView.class, "settings");
        test(view.settings.idle).setValue("0");
        test(view.settings.save).click();
        assertThat(view.settings.message.getText()).contains("kiosk.idle-lock-minutes")
                .contains("minutes without touch");
        assertThat(settings.value(Setting.KIOSK_IDLE_LOCK_MINUTES)).isEqualTo("5");
        test(view.settings.idle).setValue("7");
        test(view.settings.save).click();
        assertThat(settings.value(Setting.KIOSK_IDLE_LOCK_MINUTES)).isEqualTo("7");
    }
}
