package dev.airlock.kiosk.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import dev.airlock.kiosk.ui.GroupedDigits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyViewTest extends KioskViewTest {
    @TempDir
    Path tmp;

    /** One export and answer for the whole class (the passphrase check is deliberately slow). */
    private static boolean prepared;

    Appliance lab;
    LabData data;

    @BeforeEach
    void lab() throws Exception {
        lab = signedIn(ApplianceInfo.Role.LAB, false);
        data = new LabData(lab, tmp);
        if (!prepared) {
            for (int i = 1; i <= 6; i++) {
                data.collect("APPLY-PC-0" + i, LabData.iid(i), LicenseStatus.NOTIFICATION);
            }
            data.roundTrip();
            prepared = true;
        }
    }

    private Product received(String host, long n) {
        Product p = data.only(host);
        assertThat(p.state()).isEqualTo(ProductState.CID_RECEIVED);
        return p;
    }

    private static Stick folderStick(Path root, StickKind kind, int results) {
        return new Stick(root, root.getFileName().toString(), kind, false, 0, 0, 0, results, -1);
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ApplyViewTest::descendants));
    }

    @Test
    void choosingAMachine_showsItsCidAsEightLetteredGroupsOfSix() throws Exception {
        Product p = received("APPLY-PC-01", 1);
        ApplyView view = navigate(ApplyView.class);
        Product row = view.machinesPanel.machines.getListDataView().getItems().filter(x -> x.id() == p.id()).findFirst()
                .orElseThrow();
        view.machinesPanel.machines.select(row);

        GroupedDigits cid = descendants(view.machinesPanel.cidPanel).filter(c -> c instanceof GroupedDigits)
                .map(GroupedDigits.class::cast).filter(g -> g.hasClassName("apply-cid-groups")).findFirst()
                .orElseThrow();
        List<Component> groups = cid.getChildren().toList();
        assertThat(groups).hasSize(8);
        for (int i = 0; i < 8; i++) {
            List<String> texts = groups.get(i).getChildren().map(c -> ((Span) c).getText()).toList();
            assertThat(texts.get(0)).isEqualTo(String.valueOf((char) ('A' + i)));
            assertThat(texts.get(1)).hasSize(6).containsOnlyDigits();
        }
        String joined = groups.stream().map(g -> ((Span) g.getChildren().toList().get(1)).getText())
                .reduce("", String::concat);
        assertThat(joined).isEqualTo(p.cid().orElseThrow().digits());
        assertThat(view.machinesPanel.cidPanel.getElement().getTextRecursively()).contains("slmgr /atp " + p.cid().orElseThrow().digits());
        assertThat(view.machinesPanel.markApplied.isEnabled()).isTrue();
    }

    @Test
    void markApplied_movesTheProductFromCidReceivedToApplied() throws Exception {
        Product p = received("APPLY-PC-02", 2);
        ApplyView view = navigate(ApplyView.class);
        view.machinesPanel.machines.select(view.machinesPanel.machines.getListDataView().getItems().filter(x -> x.id() == p.id()).findFirst()
                .orElseThrow());

        test(view.machinesPanel.markApplied).click();

        assertThat(data.only("APPLY-PC-02").state()).isEqualTo(ProductState.APPLIED);
        assertThat(view.machinesPanel.cidPanel.getElement().getTextRecursively()).contains("is now Applied");
        assertThat(view.machinesPanel.machines.getListDataView().getItems()).noneMatch(x -> x.id() == p.id());
    }

    @Test
    void writeKit_toAFolderStick_writesOneFilePerWaitingMachine() throws Exception {
        received("APPLY-PC-03", 3);
        Path stick = Files.createDirectories(tmp.resolve("LABSTICK"));
        ApplyView view = navigate(ApplyView.class);
        view.showSticks(List.of(folderStick(stick, StickKind.EMPTY, 0)));

        test(view.kitPanel.writeKit).click();
        LabData.await(() -> view.kitPanel.kitResult.getText().contains("written") || !view.error.getText().isEmpty());

        assertThat(view.error.getText()).isEmpty();
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/kit"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.contains("APPLY-PC-03"));
        }
        assertThat(view.kitPanel.kitResult.getText()).contains("Activation kit written").contains("keep the stick in the lab");
    }

    @Test
    void onlyATransferStick_isNotOffered_andSaysTheKitGoesOnTheLabStick() throws Exception {
        Path transfer = Files.createDirectories(tmp.resolve("TRANSFER"));
        ApplyView view = navigate(ApplyView.class);
        view.showSticks(List.of(folderStick(transfer, StickKind.TRANSFER, 0)));

        assertThat(view.kitPanel.stick.getValue()).isNull();
        assertThat(view.kitPanel.writeKit.isEnabled()).isFalse();
        assertThat(view.kitPanel.stick.getHelperText()).contains("lab stick");
    }

    @Test
    void readResults_fromAFolderStick_takesTheProductToVerified_withAnOutcomePerFile() throws Exception {
        Product p = received("APPLY-PC-04", 4);
        Path stick = Files.createDirectories(tmp.resolve("RESULTS"));
        LabData.writeResult(stick, "APPLY-PC-04", p.iid().digits(), ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);
        ApplyView view = navigate(ApplyView.class);
        view.showSticks(List.of(folderStick(stick, StickKind.LAB, 1)));
        assertThat(view.resultsPanel.importResults.isEnabled()).isTrue();

        test(view.resultsPanel.importResults).click();
        LabData.await(() -> view.resultsPanel.resultsSummary.getText().matches("(?s).*\\d+ files?:.*") || !view.error.getText().isEmpty());

        assertThat(view.error.getText()).isEmpty();
        List<FileOutcome> outcomes = view.resultsPanel.outcomes.getListDataView().getItems().toList();
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.kind()).as(o.message()).isEqualTo(FileOutcome.Kind.UPDATED);
            assertThat(o.message()).contains("1 verified");
        });
        assertThat(data.only("APPLY-PC-04").state()).isEqualTo(ProductState.VERIFIED);
    }

    @Test
    void failedResult_isApplyFailed_withTheCodeExplained_andListedToTypeByHand() throws Exception {
        Product p = received("APPLY-PC-05", 5);
        Path stick = Files.createDirectories(tmp.resolve("FAILED"));
        LabData.writeResult(stick, "APPLY-PC-05", p.iid().digits(), ApplyResult.Result.FAILED, 0xC004F04DL,
                LicenseStatus.NOTIFICATION);
        ApplyView view = navigate(ApplyView.class);
        view.showSticks(List.of(folderStick(stick, StickKind.LAB, 1)));

        test(view.resultsPanel.importResults).click();
        LabData.await(() -> view.resultsPanel.resultsSummary.getText().matches("(?s).*\\d+ files?:.*") || !view.error.getText().isEmpty());

        assertThat(view.resultsPanel.outcomes.getListDataView().getItems().toList()).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("0xC004F04D"));
        Product failed = data.only("APPLY-PC-05");
        assertThat(failed.state()).isEqualTo(ProductState.APPLY_FAILED);
        assertThat(view.machinesPanel.machines.getListDataView().getItems()).anyMatch(x -> x.id() == failed.id());
    }

    @Test
    void reimagedProduct_reusable_isListedToTypeByHand_andMarkedApplied_countsAnActivationSaved() throws Exception {
        Product p = received("APPLY-PC-06", 6);
        Path stick = Files.createDirectories(tmp.resolve("VERIFIED"));
        LabData.writeResult(stick, "APPLY-PC-06", p.iid().digits(), ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);
        data.intakeResults(stick);
        data.collect("APPLY-PC-06", p.iid().digits(), LicenseStatus.NOTIFICATION); // reimaged: the same IID again
        Product reusable = data.only("APPLY-PC-06");
        assertThat(reusable.state()).isEqualTo(ProductState.REUSABLE);
        long savedBefore = lab.inventory().activationsSaved();

        ApplyView view = navigate(ApplyView.class);
        Product row = view.machinesPanel.machines.getListDataView().getItems().filter(x -> x.id() == reusable.id()).findFirst()
                .orElseThrow(() -> new AssertionError("a REUSABLE product is listed to apply by hand"));
        view.machinesPanel.machines.select(row);

        assertThat(view.machinesPanel.cidPanel.getElement().getTextRecursively()).contains("slmgr /atp " + reusable.cid().orElseThrow().digits() + " "
                + reusable.skuId()).contains("reimaged with the same IID");
        test(view.machinesPanel.markApplied).click();

        assertThat(data.only("APPLY-PC-06").state()).isEqualTo(ProductState.APPLIED);
        assertThat(lab.inventory().activationsSaved()).isEqualTo(savedBefore + 1);
    }
}
