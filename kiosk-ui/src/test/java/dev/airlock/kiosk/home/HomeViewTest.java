package dev.airlock.kiosk.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeViewTest extends KioskViewTest {
    @Test
    void dashboard_afterDemoIntake_showsCountsAndSendsToExport() throws Exception {
        Appliance a = signedIn(ApplianceInfo.Role.LAB, false);
        HomeView empty = navigate(HomeView.class);
        assertThat(buttons(empty)).first().extracting(Button::getText).asString().contains("insert the lab stick");

        Path stick = Files.createTempDirectory("home-stick");
        new DemoData(Clock.systemUTC()).write(6, stick, 7, n -> { });
        a.collect().ingest(List.of(stick), IntakeOptions.defaults(), new Actor("test"), o -> { });
        long collected = a.inventory().status().byState().get(ProductState.COLLECTED);
        assertThat(collected).isPositive();

        HomeView view = navigate(HomeView.class);
        Button first = buttons(view).get(0);
        assertThat(first.getId()).contains("home-next-step-0");
        assertThat(first.getText()).isEqualTo(collected + " products wait for export");
        assertThat(first.getElement().getAttribute("data-route")).isEqualTo("export");
        assertThat(view.bars.getId()).contains("home-bars");
        assertThat(view.bars.getElement().getTextRecursively()).contains("Collected", String.valueOf(collected));
        assertThat(view.totals.getElement().getTextRecursively()).contains("6machines");
        assertThat(view.groups.getElement().getTextRecursively()).contains("No group");
        // with nothing on a stick, the last step asks for the lab stick
        assertThat(buttons(view).get(buttons(view).size() - 1).getText()).isEqualTo(
                "Insert the lab stick with collected files");
    }

    private static List<Button> buttons(HomeView view) {
        return view.steps.getChildren().map(Component.class::cast).filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
    }
}
