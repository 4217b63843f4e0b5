package dev.airlock.kiosk.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.ids.ProductKey;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Collect screen's parts the CLI has too: the collector kit onto the lab stick (with a
 * supervisor's optional MAK), re-collect hints, and a conflict taken in as the machine it is.
 */
class CollectorKitPanelTest extends KioskViewTest {
    private static final String MAK = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @TempDir
    Path tmp;

    private static Stick stick(Path root, StickKind kind) {
        return new Stick(root, root.getFileName().toString(), kind, false, 0, 0, 0, 0, -1);
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void technician_writesTheKitOnTheLabStick_withoutAKey() throws Exception {
        signedIn(ApplianceInfo.Role.LAB, false);
        Path lab = folder("LAB1");
        CollectView view = navigate(CollectView.class);
        view.kit.showSticks(List.of(stick(lab, StickKind.EMPTY)));

        assertThat(view.kit.mak.isVisible()).isFalse();
        assertThat(view.kit.technicianNote.isVisible()).isTrue();
        test(view.kit.write).click();

        Path kit = lab.resolve("AIRLOCK/collector");
        assertThat(kit.resolve("Collect.cmd")).isRegularFile();
        assertThat(kit.resolve("Apply.cmd")).isRegularFile();
        assertThat(kit.resolve("Collect.ps1")).isRegularFile();
        assertThat(kit.resolve("README.txt")).isRegularFile();
        assertThat(kit.resolve("InstallKey.txt")).doesNotExist();
        assertThat(lab.resolve("AIRLOCK/collected")).isDirectory();
        assertThat(view.kit.result.getText()).startsWith("Collector kit written to LAB1")
                .contains("AIRLOCK\\collector\\Collect.cmd");
        assertThat(view.kit.error.getText()).isEmpty();
    }

    @Test
    void transferStickOnly_isNotOffered_andSaysWhy() throws Exception {
        signedIn(ApplianceInfo.Role.LAB, false);
        CollectView view = navigate(CollectView.class);
        view.kit.showSticks(List.of(stick(folder("XFER"), StickKind.TRANSFER)));

        assertThat(view.kit.stick.getValue()).isNull();
        assertThat(view.kit.write.isEnabled()).isFalse();
        assertThat(view.kit.stick.getHelperText()).startsWith("Only a transfer stick is in");
    }

    @Test
    void supervisor_choosesAMak_kitHoldsTheKey_warned_andAuditedAsReveal_writingAgainWithoutRemovesIt()
            throws Exception {
        signedIn(ApplianceInfo.Role.LAB, true);
        MakEntry entry;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            entry = holder.get().makVault().add(ProductKey.parse(MAK), "Windows 11 Enterprise", p,
                    new Actor("test"));
        }
        Path lab = folder("LAB2");
        CollectView view = navigate(CollectView.class);
        view.kit.showSticks(List.of(stick(lab, StickKind.LAB)));
        assertThat(view.kit.mak.isVisible()).isTrue();
        assertThat(view.kit.keyWarning.isVisible()).isFalse();

        MakEntry offered = view.kit.mak.getListDataView().getItems().filter(m -> m != null && m.id() == entry.id())
                .findFirst().orElseThrow();
        view.kit.mak.setValue(offered);
        assertThat(view.kit.keyWarning.isVisible()).isTrue();
        assertThat(view.kit.keyWarning.getText()).contains("clear text").contains("Unattend.xml")
                .contains("keep the stick in the lab").contains("removes the key file");
        test(view.kit.write).click();

        Path keyFile = lab.resolve("AIRLOCK/collector/InstallKey.txt");
        assertThat(Files.readString(keyFile).strip()).isEqualTo(MAK);
        assertThat(view.kit.result.getText()).contains("installs MAK ...6789B").contains("Run as administrator")
                .contains("clear text").doesNotContain(MAK);
        AuditEntry reveal = holder.get().audit().recent(5, "mak " + entry.id()).get(0);
        assertThat(reveal.action()).isEqualTo("mak.reveal");
        assertThat(reveal.operator()).isEqualTo("Sam Supervisor");
        assertThat(reveal.details()).contains("collector kit on " + lab).doesNotContain(MAK);

        view.kit.mak.setValue(null);
        test(view.kit.write).click();
        assertThat(keyFile).doesNotExist();
        assertThat(view.kit.result.getText()).contains("The key file of the earlier kit was removed");
    }

    @Test
    void sameFilesAgain_sayWhatToDo_runCollectAgainAtThatMachine() throws Exception {
        signedIn(ApplianceInfo.Role.LAB, false);
        Path stick = folder("LAB3");
        new DemoData(Clock.systemUTC()).write(2, stick, 21, n -> { });
        CollectView view = navigate(CollectView.class);
        view.importNow(stick);
        assertThat(view.intakeProgress.unchangedHint.isVisible()).isFalse();

        view.importNow(stick);

        assertThat(view.intakeProgress.unchangedHint.isVisible()).isTrue();
        assertThat(view.intakeProgress.unchangedHint.getText()).isEqualTo("2 files were unchanged: the same file again changes"
                + " nothing. Run Collect.cmd again at that machine, then take the new file in.");
        assertThat(view.outcomes.getElement().getTextRecursively())
                .contains("the same file again changes nothing: run Collect.cmd again at that machine");
    }

    @Test
    void conflict_sameIidOnARenamedMachine_isTakenInAsThatMachine_withOneTouch() throws Exception {
        signedIn(ApplianceInfo.Role.LAB, false);
        LabData data = new LabData(holder.get(), tmp);
        data.collect("OLD-NAME-01", LabData.iid(901), LicenseStatus.NOTIFICATION);
        long old = data.only("OLD-NAME-01").machineId();
        Path stick = folder("LAB4");
        CollectorRecord renamed = LabData.record("NEW-NAME-01", LabData.iid(901), LicenseStatus.NOTIFICATION);
        Path file = Files.createDirectories(stick.resolve("AIRLOCK/collected")).resolve("NEW-NAME-01.xml");
        Files.write(file, new CollectorRecordWriter().write(renamed));
        CollectView view = navigate(CollectView.class);

        view.importNow(stick);

        Div line = (Div) view.outcomes.getChildren().findFirst().orElseThrow();
        assertThat(line.getElement().getTextRecursively()).contains("Rejected").contains("OLD-NAME-01");
        Button sameAs = line.getChildren().filter(c -> c instanceof Button).map(Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("a conflict offers to take the file in as that machine"));
        assertThat(sameAs.getText()).isEqualTo("It is machine " + old + ": take it in as that machine");

        test(sameAs).click();

        assertThat(line.getElement().getTextRecursively()).contains("Updated").doesNotContain("Rejected");
        assertThat(holder.get().inventory().machine(String.valueOf(old)).orElseThrow().machine().hostName())
                .isEqualTo("NEW-NAME-01");
    }
}
