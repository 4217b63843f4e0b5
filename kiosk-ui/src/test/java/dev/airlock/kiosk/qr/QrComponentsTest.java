package dev.airlock.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.airlock.formats.qr.QrDecoder;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.qr.ScanResult;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class QrComponentsTest extends KioskViewTest {
    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private QrFramesDisplay display(byte[] bundle, int version) {
        QrFramesDisplay d = new QrFramesDisplay(bundle, version, 2);
        UI.getCurrent().add(d);
        d.setPlaying(false);
        return d;
    }

    @Test
    void display_stepsFramesNofM_forwardAndBackWithWrap() {
        byte[] bundle = bytes(3000, 1);
        QrFramesDisplay d = display(bundle, 10);
        int n = QrEncoder.frameCountFor(bundle.length, QrOptions.of(10, QrOptions.EcLevel.M));
        assertThat(d.frameCount()).isEqualTo(n).isGreaterThan(2);
        assertThat(d.counter.getText()).isEqualTo("Frame 1 of " + n);
        assertThat(d.image.getSrc()).isNotBlank();
        String first = d.currentFrame();

        test(d.controls.next).click();
        assertThat(d.counter.getText()).isEqualTo("Frame 2 of " + n);
        assertThat(d.currentFrame()).isNotEqualTo(first);
        test(d.controls.prev).click();
        test(d.controls.prev).click();
        assertThat(d.counter.getText()).isEqualTo("Frame " + n + " of " + n);
        test(d.controls.next).click();
        assertThat(d.currentFrame()).isEqualTo(first);
        assertThat(d.controls.pause.getText()).isEqualTo("Play");
        test(d.controls.pause).click();
        assertThat(d.isPlaying()).isTrue();
        assertThat(d.controls.pause.getText()).isEqualTo("Pause");
        d.setPlaying(false);
    }

    @Test
    void display_densityChange_reencodesAndTheFramesStillDecode() {
        byte[] bundle = bytes(3000, 2);
        QrFramesDisplay d = display(bundle, 10);
        int at10 = d.frameCount();
        test(d.controls.next).click();

        test(d.controls.density).selectItem("Version 20");

        assertThat(d.options().version()).isEqualTo(20);
        assertThat(d.frameCount()).isLessThan(at10)
                .isEqualTo(QrEncoder.frameCountFor(bundle.length, QrOptions.of(20, QrOptions.EcLevel.M)));
        assertThat(d.counter.getText()).isEqualTo("Frame 1 of " + d.frameCount());
        QrDecoder decoder = new QrDecoder();
        ScanResult last = null;
        for (String f : d.frames()) {
            last = decoder.receivePart(f);
        }
        assertThat(last).isInstanceOf(ScanResult.Complete.class);
        assertThat(((ScanResult.Complete) last).bundle()).isEqualTo(bundle);
    }

    @Test
    void display_speedChoice_setsFramesPerSecond() {
        QrFramesDisplay d = display(bytes(500, 3), 15);
        test(d.controls.speed).selectItem("5 frames/s");
        assertThat(d.framesPerSecond()).isEqualTo(5);
        assertThat(d.controls.density.getValue()).isEqualTo(15);
    }

    private QrScanPanel panel(AtomicReference<byte[]> out) {
        QrScanPanel p = new QrScanPanel(out::set);
        UI.getCurrent().add(p);
        return p;
    }

    @Test
    void scan_wedgeBurstsInAnyOrder_showProgress_andCompleteWithTheBundle() {
        byte[] bundle = bytes(2500, 4);
        List<String> frames = new ArrayList<>(new QrEncoder(bundle, QrOptions.of(10, QrOptions.EcLevel.M)).frames());
        java.util.Collections.reverse(frames);
        AtomicReference<byte[]> done = new AtomicReference<>();
        QrScanPanel p = panel(done);

        test(p.input).setValue(frames.get(0) + "\r\n");
        assertThat(p.input.getValue()).isEmpty();
        assertThat(p.frames.getText()).isEqualTo("Frames received: 1 of " + frames.size());
        assertThat(p.progress.getValue()).isEqualTo(100 / frames.size());
        for (String f : frames.subList(1, frames.size())) {
            test(p.input).setValue(f);
        }
        assertThat(done.get()).isEqualTo(bundle);
        assertThat(p.percent.getText()).isEqualTo("100 %");
        assertThat(p.message.getText()).startsWith("Complete");
    }

    @Test
    void scan_azertyDigits_areReadAsDigits() {
        byte[] bundle = bytes(100, 5);
        String frame = new QrEncoder(bundle, QrOptions.of(10, QrOptions.EcLevel.M)).frames().get(0);
        String azerty = frame.chars().mapToObj(c -> String.valueOf("à&é\"'(-è_ç".charAt(c - '0')))
                .reduce("", String::concat);
        AtomicReference<byte[]> done = new AtomicReference<>();
        QrScanPanel p = panel(done);
        test(p.input).setValue(azerty);
        assertThat(done.get()).isEqualTo(bundle);
    }

    @Test
    void scan_frameOfAnotherBundle_isKeptApart_saysSo_andCanBeDroppedWithoutLosingTheOther() {
        List<String> a = new QrEncoder(bytes(2000, 6), QrOptions.of(10, QrOptions.EcLevel.M)).frames();
        QrEncoder other = new QrEncoder(bytes(2000, 7), QrOptions.of(10, QrOptions.EcLevel.M));
        QrScanPanel p = panel(new AtomicReference<>());
        p.receive(a.get(0));
        p.receive(a.get(1));
        test(p.input).setValue(other.frames().get(0));
        assertThat(p.message.getText()).contains("ANOTHER bundle").contains(other.bundleId()).contains("kept apart");
        assertThat(p.message.getClassNames()).contains("qr-scan-message-info");
        assertThat(p.frames.getText()).as("still filling the one with more frames")
                .isEqualTo("Frames received: 2 of " + a.size());
        String aId = a.get(0).substring(1, 7);
        assertThat(p.filling.getText()).isEqualTo("Filling bundle " + aId);
        assertThat(p.others.getElement().getText() + p.others.getChildren().findFirst().orElseThrow().getElement()
                .getChild(0).getText()).contains("Also 1 of " + other.frameCount() + " frames of bundle "
                        + other.bundleId());
        com.vaadin.flow.component.button.Button drop = (com.vaadin.flow.component.button.Button) p.others
                .getChildren().findFirst().orElseThrow().getChildren().skip(1).findFirst().orElseThrow();
        assertThat(drop.getText()).isEqualTo("Drop bundle " + other.bundleId());
        test(drop).click();
        assertThat(p.others.getChildren()).isEmpty();
        assertThat(p.frames.getText()).as("frames already read stay").isEqualTo("Frames received: 2 of " + a.size());
        assertThat(p.message.getText()).contains("Bundle " + other.bundleId() + " dropped");
        p.receive(a.get(2));
        assertThat(p.frames.getText()).isEqualTo("Frames received: 3 of " + a.size());
        test(p.reset).click();
        p.receive(other.frames().get(0));
        assertThat(p.frames.getText()).isEqualTo("Frames received: 1 of " + other.frameCount());
    }

    @Test
    void scan_strayFrameFirst_thenACompleteSet_completesTheSet_andOffersToDropTheStray() {
        byte[] bundle = bytes(2000, 9);
        List<String> genuine = new QrEncoder(bundle, QrOptions.of(10, QrOptions.EcLevel.M)).frames();
        QrEncoder stray = new QrEncoder(bytes(3000, 10), QrOptions.of(10, QrOptions.EcLevel.M));
        AtomicReference<byte[]> done = new AtomicReference<>();
        QrScanPanel p = panel(done);
        p.receive(stray.frames().get(1));
        assertThat(p.message.getText()).startsWith("Frame accepted: 1 of " + stray.frameCount());
        p.receive(genuine.get(0));
        String genuineId = genuine.get(0).substring(1, 7);
        assertThat(p.message.getText()).contains("ANOTHER bundle (id " + genuineId + ")")
                .contains("bundle " + stray.bundleId());
        assertThat(p.filling.getText()).as("on a tie, the one scanned last").isEqualTo("Filling bundle " + genuineId);
        assertThat(p.others.getChildren().findFirst().orElseThrow().getChildren().skip(1).findFirst().orElseThrow()
                .getId()).contains("qr-scan-drop-" + stray.bundleId());
        genuine.subList(1, genuine.size()).forEach(p::receive);
        assertThat(done.get()).isEqualTo(bundle);
        assertThat(p.message.getText()).startsWith("Complete");
        p.receive(stray.frames().get(0));
        assertThat(p.filling.getText()).isEqualTo("Filling bundle " + stray.bundleId());
        assertThat(p.frames.getText()).isEqualTo("Frames received: 2 of " + stray.frameCount());
    }

    @Test
    void scan_badFrame_andNonAirlockCode_sayWhatToDo() {
        String frame = new QrEncoder(bytes(2000, 8), QrOptions.of(10, QrOptions.EcLevel.M)).frames().get(0);
        char[] bad = frame.toCharArray();
        bad[40] = bad[40] == '9' ? '0' : (char) (bad[40] + 1);
        QrScanPanel p = panel(new AtomicReference<>());
        test(p.input).setValue(new String(bad));
        assertThat(p.message.getText()).startsWith("Bad frame").contains("Scan the same frame again");
        assertThat(p.percentComplete()).isZero();
        test(p.input).setValue("4006381333931");
        assertThat(p.message.getText()).contains("not an Airlock code");
        test(p.input).setValue("https://example.com");
        assertThat(p.message.getText()).contains("not an Airlock code");
    }
}
