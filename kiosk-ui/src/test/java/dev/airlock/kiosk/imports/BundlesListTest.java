package dev.airlock.kiosk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.home.HomeView;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What went out and what came back, as {@code airlock bundles list}: on Import, and the still-out line on Home. */
class BundlesListTest extends KioskViewTest {
    @TempDir
    Path tmp;

    @Test
    void requestsOutAndResponsesBack_areListed_withWhatIsStillOut_onImportAndHome() throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, false);
        LabData data = new LabData(lab, tmp);

        ImportView empty = navigate(ImportView.class);
        assertThat(empty.bundles.outstanding.getText()).isEqualTo("No request written yet.");
        assertThat(navigateHome()).isEmpty();

        for (int i = 1; i <= 3; i++) {
            data.collect("OUT-PC-0" + i, LabData.iid(300 + i), LicenseStatus.NOTIFICATION);
        }
        String requestId;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            requestId = lab.export().run(ExportOptions.to(Files.createDirectories(tmp.resolve("XFER"))), p,
                    LabData.TEST).bundle().id();
        }
        data.collect("BACK-PC-01", LabData.iid(401), LicenseStatus.NOTIFICATION);
        data.roundTrip(); // a second request, answered at once

        ImportView view = navigate(ImportView.class);
        assertThat(view.bundles.outstanding.getText()).startsWith("1 request is still out (3 products without an"
                + " answer) since ");
        assertThat(view.bundles.requests.getChildren()).hasSize(2);
        assertThat(view.bundles.requests.getElement().getTextRecursively())
                .contains("Request " + requestId.substring(0, 8))
                .contains("3 products, 0 answered, 3 open (no answer yet)")
                .contains("1 product, 1 answered, 0 open (answered)");
        assertThat(view.bundles.responses.getChildren()).hasSize(1);
        assertThat(view.bundles.responses.getElement().getTextRecursively()).contains("1 CID, 0 errors, 0 skipped");

        assertThat(navigateHome()).startsWith("1 request is still out (3 products) since ");
    }

    /** The still-out line of Home ("" when it is hidden). */
    private String navigateHome() {
        Paragraph line = navigate(HomeView.class).getChildren().filter(c -> c.getId().orElse("").equals(
                "home-still-out")).map(Paragraph.class::cast).findFirst().orElseThrow();
        return line.isVisible() ? line.getText() : "";
    }
}
