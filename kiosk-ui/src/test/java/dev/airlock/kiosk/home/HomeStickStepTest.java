package dev.airlock.kiosk.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab-stick step counts only files the store has not taken in (a fresh store of its own). */
class HomeStickStepTest extends KioskViewTest {
    @Test
    void labStickStep_countsOnlyFilesNotTakenInYet() throws Exception {
        Appliance a = signedIn(ApplianceInfo.Role.LAB, false);
        Path stick = Files.createTempDirectory("home-old-stick");
        new DemoData(Clock.systemUTC()).write(4, stick, 11, n -> { });
        var onStick = new dev.airlock.appliance.devices.Stick(stick, "LAB9",
                dev.airlock.appliance.devices.StickKind.LAB, false, 0, 0, 4, 0, 1L << 30);
        HomeView view = navigate(HomeView.class);
        assertThat(view.steps.labSteps(a.inventory().status(), List.of(onStick)))
                .anySatisfy(step -> assertThat(step.text()).isEqualTo("4 new files are on the lab stick LAB9: take them in"));

        a.collect().ingest(List.of(stick), IntakeOptions.defaults(), new Actor("test"), o -> { });
        assertThat(view.steps.labSteps(a.inventory().status(), List.of(onStick)))
                .noneSatisfy(step -> assertThat(step.text()).contains("LAB9"))
                .noneSatisfy(step -> assertThat(step.text()).contains("Insert the lab stick"));
    }

}
