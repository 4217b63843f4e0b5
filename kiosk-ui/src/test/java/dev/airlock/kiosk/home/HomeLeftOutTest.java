package dev.airlock.kiosk.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard says how many products need no CID and why, and never counts them as waiting. */
class HomeLeftOutTest extends KioskViewTest {
    @Test
    void dashboard_saysHowManyAreLeftOutAndWhy_andOnlyTheOthersWaitForExport() throws Exception {
        Appliance a = signedIn(ApplianceInfo.Role.LAB, false);
        LabData lab = new LabData(a, Files.createTempDirectory("home-left-out"));
        lab.collect("LEFT-PC-1", LabData.iid(1), LicenseStatus.LICENSED);
        lab.collect("LEFT-PC-2", LabData.iid(2), LicenseStatus.LICENSED);
        lab.collect("LEFT-PC-3", LabData.iid(3), LicenseStatus.OOB_GRACE, "Volume:GVLK");
        lab.collect("LEFT-PC-4", LabData.iid(4), LicenseStatus.NOTIFICATION);

        HomeView view = navigate(HomeView.class);

        assertThat(view.leftOut.isVisible()).isTrue();
        assertThat(view.leftOut.getText())
                .isEqualTo("3 products left out: 2 already licensed, 1 KMS client (nothing to do for them)");
        assertThat(buttons(view).get(0).getText()).isEqualTo("1 product waits for export");
        assertThat(view.bars.getElement().getTextRecursively()).contains("Not needed");

        // the one that needed a CID got it and reports Licensed: nothing waits, and the dashboard says why
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir().resolve("airlock.db"));
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE product SET state = 'VERIFIED' WHERE state = 'COLLECTED'");
        }
        HomeView done = navigate(HomeView.class);
        assertThat(buttons(done)).extracting(Button::getText)
                .contains("Nothing waits: 1 activated and verified, 3 need no CID");
    }

    private static List<Button> buttons(HomeView view) {
        return view.steps.getChildren().map(Component.class::cast).filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
    }
}
