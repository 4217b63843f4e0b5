package dev.airlock.kiosk.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.ids.GroupCheck;
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
        assertThat(view.intakeProgress.summary.getText()).isEqualTo("5 files: 5 accepted, 0 updated, 0 unchanged, 0 rejected");

        IntakeSummary again = view.importNow(stick);
        assertThat(again.get(FileOutcome.Kind.UNCHANGED)).isEqualTo(5);
        assertThat(view.intakeProgress.summary.getText()).contains("5 unchanged");
    }

    @Test
    void importInTheBackground_fillsProgressAndOutcomes() throws Exception {
        Path stick = Files.createTempDirectory("collect-stick-bg");
        new DemoData(Clock.systemUTC()).write(3, 500, stick, 13, n -> { });
        CollectView view = navigate(CollectView.class);
        view.importFrom(stick, 3);
        assertThat(view.intakeProgress.progress.isVisible()).isTrue();
        finishBackgroundWork();
        assertThat(view.intakeProgress.summary.getText()).isEqualTo("3 files: 3 accepted, 0 updated, 0 unchanged, 0 rejected");
        assertThat(view.intakeProgress.progress.getValue()).isEqualTo(1.0);
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
        // a whole IID pasted into group 1 (made up; each group ends in its check digit, as a real IID's does)
        test(groups(view.manual).get(0)).setValue("1111112".repeat(8) + "4242423");
        assertThat(view.manual.readBack.isOpened()).isTrue(); // opened by itself when the last group completed
        test(view.manual.readBack.correct).click();
        assertThat(view.manual.readBack.isOpened()).isFalse();
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before);

        test(view.manual.save).click();
        assertThat(view.manual.readBack.isOpened()).isTrue();
        assertThat(view.manual.readBack.getElement().getTextRecursively()).contains("4242423", "LAB-HAND-7",
                "Read it back against the machine's screen");
        assertThat(view.manual.readBack.readBackFlag.isVisible()).isFalse();
        assertThat(view.manual.readBack.confirm.getText()).isEqualTo("Confirm: it matches");
        test(view.manual.readBack.confirm).click();
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before + 1);
        assertThat(view.manualResult.getText()).isEqualTo("Saved: new machine LAB-HAND-7");
        assertThat(holder.get().inventory().machine("LAB-HAND-7")).isPresent();
    }

    @Test
    void manualEntry_mistypedGroup_isMarkedAtOnce_andSavedOnlyByKeepItAsTyped() {
        CollectView view = navigate(CollectView.class);
        long before = holder.get().inventory().countProducts(ProductFilter.all());
        fillProduct(view.manual, "LAB-TYPO-4");
        List<TextField> groups = groups(view.manual);
        String typo = GroupCheck.withCheckDigits(IID_DATA, 7);
        typo = typo.substring(0, 22) + (char) (typo.charAt(22) == '9' ? '8' : typo.charAt(22) + 1)
                + typo.substring(23); // group 4, second digit
        for (int i = 0; i < 4; i++) {
            test(groups.get(i)).setValue(typo.substring(i * 7, i * 7 + 7));
        }
        // marked as soon as group 4 is complete, before the rest is typed
        assertThat(groups.get(3).isInvalid()).isTrue();
        assertThat(groups.get(3).getClassNames()).contains("digit-group-flagged");
        assertThat(groups.get(0).isInvalid()).isFalse();
        assertThat(view.manual.iid.getElement().getTextRecursively()).contains("Group 4 looks mistyped: check it");
        for (int i = 4; i < 9; i++) {
            test(groups.get(i)).setValue(typo.substring(i * 7, i * 7 + 7));
        }

        assertThat(view.manual.readBack.isOpened()).isTrue();
        assertThat(view.manual.readBack.readBackFlag.getText()).startsWith("Group 4 looks mistyped: its check digit does not fit");
        assertThat(view.manual.readBack.confirm.getText()).isEqualTo("Keep it as typed");
        assertThat(descendants(view.manual.readBack).filter(c -> c.getClassNames().contains("digit-group-flagged"))
                .count()).as("group 4 marked in the read-back").isEqualTo(1);
        test(view.manual.readBack.correct).click();
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before);

        test(view.manual.save).click();
        test(view.manual.readBack.confirm).click(); // Keep it as typed
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(before + 1);
        assertThat(holder.get().inventory().machine("LAB-TYPO-4")).isPresent();
    }

    @Test
    void manualEntry_droppedDigit_namesTheGroupWhereItWasDropped_notTheLastGroup() {
        CollectView view = navigate(CollectView.class);
        fillProduct(view.manual, "LAB-TYPO-5");
        String right = GroupCheck.withCheckDigits(IID_DATA, 7);
        String dropped = right.substring(0, 3 * 7 + 4) + right.substring(3 * 7 + 5); // a digit of group 4 left out
        test(groups(view.manual).get(0)).setValue(dropped); // typed on, so groups 4-9 shift and group 9 is short
        test(view.manual.save).click();
        assertThat(view.manual.error.getText()).isEqualTo("Group 4 looks one digit short");
        assertThat(view.manual.readBack.isOpened()).isFalse();
    }

    @Test
    void manualEntry_54DigitIid_failingTheCheck_isOnlyWarnedAbout() {
        CollectView view = navigate(CollectView.class);
        fillProduct(view.manual, "LAB-WIN7-1");
        test(view.manual.shortIid).click();
        String iid54 = GroupCheck.withCheckDigits("123450".repeat(9), 6);
        iid54 = iid54.substring(0, 12) + '9' + iid54.substring(13); // group 3 fails the (unconfirmed) check
        test(groups(view.manual).get(0)).setValue(iid54);

        assertThat(groups(view.manual).get(2).isInvalid()).isFalse(); // no red outline
        assertThat(groups(view.manual).get(2).getClassNames()).contains("digit-group-doubtful");
        assertThat(view.manual.iid.getElement().getTextRecursively())
                .contains("Check group 3: it may be mistyped (the check is not confirmed for 54-digit IIDs)");
        assertThat(view.manual.readBack.isOpened()).isTrue();
        assertThat(view.manual.readBack.confirm.getText()).isEqualTo("Confirm: it matches");
        assertThat(view.manual.readBack.readBackFlag.getText()).startsWith("Check group 3");
    }

    /** Data digits for a made-up IID (the last digit of each group is replaced by its check digit). */
    private static final String IID_DATA = "1234560" + "2345670" + "3456780" + "4567890" + "5678900" + "6789010"
            + "7890120" + "8901230" + "9012340";

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
