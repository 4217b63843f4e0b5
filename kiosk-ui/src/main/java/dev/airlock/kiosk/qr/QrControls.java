package dev.airlock.kiosk.qr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.IntConsumer;

/** The QR frames' controls: previous, pause/play, next, the density (QR version) and the speed. */
final class QrControls extends HorizontalLayout {
    final Button prev = new Button();
    final Button next = new Button();
    final Button pause = new Button();
    final Select<Integer> density = new Select<>();
    final Select<Integer> speed = new Select<>();

    /**
     * Steps with {@code step} (+1 or -1), toggles with {@code togglePlay}; a chosen density goes to
     * {@code version} (offered only when {@code densityShown}), a chosen speed to {@code framesPerSecond}.
     */
    QrControls(IntConsumer step, Runnable togglePlay, boolean densityShown, int version, IntConsumer versionChosen,
            int fps, IntConsumer framesPerSecond) {
        prev.setId("qr-prev");
        prev.setText(getTranslation("qr.prev"));
        prev.setIcon(VaadinIcon.ARROW_LEFT.create());
        prev.addClickListener(e -> step.accept(-1));
        next.setId("qr-next");
        next.setText(getTranslation("qr.next"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.addClickListener(e -> step.accept(1));
        pause.setId("qr-pause");
        pause.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.addClickListener(e -> togglePlay.run());
        for (Button b : List.of(prev, next, pause)) {
            b.addClassName("qr-frames-button");
        }
        density.setId("qr-density");
        density.setLabel(getTranslation("qr.density"));
        density.setItems(QrFramesDisplay.VERSIONS);
        density.setItemLabelGenerator(v -> getTranslation("qr.density.version", v));
        density.setValue(version);
        density.setVisible(densityShown);
        density.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                versionChosen.accept(e.getValue());
            }
        });
        speed.setId("qr-speed");
        speed.setLabel(getTranslation("qr.speed"));
        speed.setItems(QrFramesDisplay.SPEEDS);
        speed.setItemLabelGenerator(v -> getTranslation("qr.speed.fps", v));
        speed.setValue(fps);
        speed.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                framesPerSecond.accept(e.getValue());
            }
        });
        add(prev, pause, next, density, speed);
        addClassName("qr-frames-controls");
        setAlignItems(FlexComponent.Alignment.END);
        setWrap(true);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    }

    /** Stepping and pausing make sense only with more than one frame; the pause button says what it does. */
    void show(int frames, boolean playing) {
        prev.setEnabled(frames > 1);
        next.setEnabled(frames > 1);
        showPlaying(frames, playing);
    }

    void showPlaying(int frames, boolean playing) {
        pause.setText(getTranslation(playing ? "qr.pause" : "qr.play"));
        pause.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        pause.setEnabled(frames > 1);
    }
}
