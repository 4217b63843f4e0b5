package dev.airlock.kiosk.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.intake.FileOutcome;
import dev.airlock.appliance.intake.IntakeSummary;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectViewTest extends KioskViewTest {
    private static final String SKU = "73111121-5638-40f6-bc11-f1d7b0d64300";
    private static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";

    @BeforeEach
    void signIn() {
        signedIn(ApplianceInfo.Role.LAB, false);
    }

    @Test
    void importFromFolderStick_listsEachFileAndSummarises() throws Exception {
        Path stick = Files.createTempDirectory("collect-stick");
        new DemoData(Clock.systemUTC()).write(5, stick, 11, n -> { });
        CollectView view = navigate(CollectView.class);
        IntakeSummary summary = view.importNow(stick);
        assertThat(summary.get(FileOutcome.Kind.ACCEPTED)).isEqualTo(5);
        assertThat(view.outcomes.getChildren().count()).isEqualTo(5);
        assertThat(view.outcomes.getElement().getTextRecursively()).contains("Accepted");
        assertThat(view.summary.getText()).isEqualTo("5 files: 5 accepted, 0 updated, 0 unchanged, 0 rejected");

        IntakeSummary again = view.importNow(stick);
        assertThat(again.get(FileOutcome.Kind.UNCHANGED)).isEqualTo(5);
        assertThat(view.summary.getText()).contains("5 unchanged");
    }

    @Test
    void importInTheBackground_fillsProgressAndOutcomes() throws Exception {
        Path stick = Files.createTempDirectory("collect-stick-bg");
        new DemoData(Clock.systemUTC()).write(3, 500, stick, 13, n -> { });
        CollectView view = navigate(CollectView.class);
        view.importFrom(stick, 3);
        assertThat(view.progress.isVisible()).isTrue();
        finishBackgroundWork();
        assertThat(view.summary.getText()).isEqualTo("3 files: 3 accepted, 0 updated, 0 unchanged, 0 rejected");
        assertThat(view.progress.getValue()).isEqualTo(1.0);
        assertThat(view.outcomes.getChildren().count()).isEqualTo(3);
    }

    @Test
    void manualEntry_withShortGroup_namesTheGroupAndSavesNothing() {
        CollectView view = navigate(CollectView.class);
        long before = holder.get().inventory().countProducts(ProductFilter.all());
        fillProduct(view.manual, "LAB-TYPO-1");
        List<TextField> groups = groups(view.manual);
        for (int i = 0; i < 9; i++) {
            test(groups.get(i)).setValue(i == 1 ? "123456" : "1234567");
        }
        test(view.manual.save).click();
        assertThat(view.manual.error.getText()).isEqualTo("Group 2 has 6 digits, expected 7");
        assertThat(view.manual.readBack.isOpened()).isFalse();
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before);
    }

    @Test
    void manualEntry_readBackCorrect_savesNothing_confirm_saves() {
        CollectView view = navigate(CollectView.class);
        long before = holder.get().inventory().countProducts(ProductFilter.all());
        fillProduct(view.manual, "LAB-HAND-7");
        test(groups(view.manual).get(0)).setValue("1".repeat(56) + "4242424"); // a whole IID pasted into group 1
        assertThat(view.manual.readBack.isOpened()).isTrue(); // opened by itself when the last group completed
        test(view.manual.correct).click();
        assertThat(view.manual.readBack.isOpened()).isFalse();
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before);

        test(view.manual.save).click();
        assertThat(view.manual.readBack.isOpened()).isTrue();
        assertThat(view.manual.readBack.getElement().getTextRecursively()).contains("4242424", "LAB-HAND-7",
                "Read it back against the machine's screen");
        test(view.manual.confirm).click();
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before + 1);
        assertThat(view.manualResult.getText()).isEqualTo("Saved: new machine LAB-HAND-7");
        assertThat(holder.get().inventory().machine("LAB-HAND-7")).isPresent();
    }

    @Test
    void manualEntry_ofALicensedProduct_saysItNeedsNoCidAndStaysOut() throws Exception {
        CollectView view = navigate(CollectView.class);
        view.save(new dev.airlock.appliance.inventory.ManualEntry("LAB-HAND-LIC", java.util.Optional.empty(),
                dev.airlock.formats.ids.SkuId.parse(SKU), dev.airlock.formats.ids.ApplicationId.WINDOWS,
                "Windows(R), Enterprise edition", dev.airlock.formats.ids.ExtendedProductId.parse(EPID),
                dev.airlock.formats.ids.InstallationId.parse("3".repeat(56) + "4343434"), java.util.Optional.empty(),
                "Volume:MAK", dev.airlock.formats.kit.LicenseStatus.LICENSED));
        assertThat(view.manualResult.getText()).isEqualTo("Saved: new machine LAB-HAND-LIC. It needs no CID and"
                + " stays out of export ('Windows(R), Enterprise edition': Licensed, nothing to do)");
        assertThat(holder.get().inventory().machine("LAB-HAND-LIC").orElseThrow().products()).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo(dev.airlock.appliance.inventory.ProductState.NOT_NEEDED));
    }

    private void fillProduct(ManualEntryForm form, String host) {
        test(form.host).setValue(host);
        test(form.sku).setValue(SKU);
        test(form.name).setValue("Windows(R), Enterprise edition");
        test(form.epid).setValue(EPID);
    }

    /** The nine group fields inside the IID field. */
    private static List<TextField> groups(ManualEntryForm form) {
        return descendants(form.iid).filter(TextField.class::isInstance).map(TextField.class::cast).toList();
    }

    private static java.util.stream.Stream<Component> descendants(Component c) {
        return c.getChildren().flatMap(ch -> java.util.stream.Stream.concat(java.util.stream.Stream.of(ch),
                descendants(ch)));
    }
}
