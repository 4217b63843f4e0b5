package dev.airlock.kiosk.machines;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.outside.NastyStrings;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kiosk shows outside text as data: a host name already in the store (from before intake
 * refused such text) with any string of the shared nasty corpus shows escaped in the machines
 * grid and on the machine page, and every sentence built from translations escapes its arguments.
 */
class MachinesHostileTextTest extends KioskViewTest {
    @Autowired
    I18NProvider translations;

    @Test
    void storedNastyHostNames_showEscaped_inTheGridAndOnTheMachinePage() throws Exception {
        Appliance a = signedIn(ApplianceInfo.Role.LAB, false);
        a.inventory().addManual(new ManualEntry("PC-PLAIN", Optional.empty(),
                SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"), ApplicationId.WINDOWS,
                "Windows(R), Enterprise edition",
                ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-0242016"),
                InstallationId.parse(String.format("%063d", 7_000_001L)), Optional.empty(), "Volume:MAK",
                LicenseStatus.NOTIFICATION), new Actor("test"));
        List<String> failures = new ArrayList<>();
        for (NastyStrings.Nasty n : NastyStrings.all()) {
            if (n.hasLoneSurrogate() || n.value().indexOf('\0') >= 0) {
                continue; // UTF-8 (the store) cannot hold them
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir().resolve("airlock.db"));
                    PreparedStatement u = c.prepareStatement("UPDATE machine SET host_name = ?")) {
                u.setString(1, n.value());
                u.executeUpdate();
            }
            MachinesView view = navigate(MachinesView.class);
            String cell = test(view.grid).getCellText(0, 0);
            if (!cell.equals(OutsideText.shown(n.value()))) {
                failures.add(n + ": grid shows " + OutsideText.shown(cell));
            }
            test(view.grid).clickRow(0);
            MachineDetailView detail = (MachineDetailView) getCurrentView();
            if (!detail.title.getText().equals(OutsideText.shown(n.value()))) {
                failures.add(n + ": page title " + OutsideText.shown(detail.title.getText()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyTranslatedSentence_escapesItsArguments() {
        List<String> failures = new ArrayList<>();
        for (NastyStrings.Nasty n : NastyStrings.all()) {
            String line = translations.getTranslation("import.refused", Locale.getDefault(), n.value(), n.value());
            String expected = OutsideText.shown(n.value()) + ": " + OutsideText.shown(n.value());
            if (!line.equals(expected)) {
                failures.add(n + ": " + OutsideText.shown(line));
            }
        }
        assertThat(failures).isEmpty();
    }
}
