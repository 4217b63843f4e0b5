package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.CollectorKitWithKey;
import dev.airlock.appliance.collect.CollectorKitWritten;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StickPicker;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Writes the collector kit onto the chosen lab (or empty) stick; a supervisor may pick a MAK from
 * the vault for the kit to install first, with the clear-text warning.
 */
final class CollectorKitPanel extends VerticalLayout {
    final StickPicker stick = new StickPicker(s -> s.kind() == StickKind.LAB || s.kind() == StickKind.EMPTY,
            s -> s.kind() == StickKind.LAB, StickPicker::any);
    final Select<MakEntry> mak = new Select<>();
    final Paragraph keyWarning = new Paragraph();
    final Span technicianNote = new Span();
    final Button write = new Button();
    final Paragraph result = new Paragraph();
    final Span error = new Span();
    private final ObjectProvider<MakVault> makVault;
    private final ObjectProvider<Collect> collectorKit;
    private final KioskSession session;
    private final Seal seal;
    private final Runnable written;

    /** {@code written}: run after a kit was written (e.g. to look at the sticks again). */
    CollectorKitPanel(ObjectProvider<MakVault> makVault, ObjectProvider<Collect> collectorKit,
            KioskSession session, Seal seal, Runnable written) {
        this.makVault = makVault;
        this.collectorKit = collectorKit;
        this.session = session;
        this.seal = seal;
        this.written = written;
        setId("collect-kit");
        addClassName("collect-kit");
        setPadding(false);
        stick.setId("collect-kit-stick");
        stick.setLabel(getTranslation("collect.kit.stick"));
        stick.setEmptySelectionAllowed(false);
        stick.setItemLabelGenerator(s -> getTranslation("collect.kit.stickItem", s.label(),
                getTranslation("collect.stick.kind." + s.kind().name().toLowerCase(java.util.Locale.ROOT))));
        stick.setWidth("20em");
        stick.addValueChangeListener(e -> write.setEnabled(e.getValue() != null));
        mak.setId("collect-kit-mak");
        mak.setLabel(getTranslation("collect.kit.mak"));
        mak.setWidth("22em");
        mak.setEmptySelectionAllowed(true);
        mak.setEmptySelectionCaption(getTranslation("collect.kit.noMak"));
        mak.setItemLabelGenerator(m -> m == null ? getTranslation("collect.kit.noMak")
                : getTranslation("collect.kit.makItem", m.partialKey(), m.description()).strip());
        mak.addValueChangeListener(e -> keyWarning.setVisible(e.getValue() != null));
        keyWarning.setId("collect-kit-warning");
        keyWarning.addClassName("apply-warning");
        keyWarning.setText(getTranslation("collect.kit.warning"));
        keyWarning.setVisible(false);
        technicianNote.setId("collect-kit-technician");
        technicianNote.setText(getTranslation("collect.kit.makSupervisorOnly"));
        write.setId("collect-kit-write");
        write.setText(getTranslation("collect.kit.write"));
        write.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        write.addClickListener(e -> write());
        result.setId("collect-kit-result");
        error.setId("collect-kit-error");
        error.addClassName("form-error");
        boolean supervisor = session.isSupervisor();
        mak.setVisible(supervisor);
        technicianNote.setVisible(!supervisor);
        if (supervisor) {
            mak.setItems(makVault.getObject().list());
        }
        HorizontalLayout row = new HorizontalLayout(stick, mak, write);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(new Paragraph(getTranslation("collect.kit.intro")), row, technicianNote, keyWarning, error, result);
    }

    /** Offers the lab and empty sticks among {@code present} (never a transfer stick). */
    void showSticks(List<Stick> present) {
        List<Stick> usable = stick.show(present);
        boolean transferOnly = usable.isEmpty() && present.stream().anyMatch(s -> s.kind() == StickKind.TRANSFER);
        stick.setHelperText(usable.isEmpty() ? getTranslation(transferOnly ? "collect.kit.transferOnly"
                : "collect.kit.none") : "");
        write.setEnabled(stick.getValue() != null && usable.contains(stick.getValue()));
    }

    /** Writes the kit on the chosen stick, with the chosen MAK (supervisors only). */
    void write() {
        Stick s = stick.getValue();
        error.setText("");
        result.setText("");
        if (s == null) {
            error.setText(getTranslation("collect.kit.none"));
            return;
        }
        Collect kits = collectorKit.getObject();
        MakEntry chosen = session.isSupervisor() ? mak.getValue() : null;
        String text;
        try {
            if (chosen == null) {
                CollectorKitWritten kit = Collect.writeKit(s.root(), Optional.empty());
                text = getTranslation("collect.kit.written", s.label(), kit.kitDir().toString())
                        + (kit.removedKey() ? " " + getTranslation("collect.kit.keyRemoved") : "");
            } else {
                try (Passphrase p = seal.passphrase()) {
                    CollectorKitWithKey kit = kits.writeKitWithMak(s.root(),
                            chosen.id(), p, session.actor());
                    text = getTranslation("collect.kit.writtenWithKey", s.label(), kit.kit().kitDir().toString(),
                            kit.mak().partialKey()) + " " + getTranslation("collect.kit.warning");
                }
            }
        } catch (IOException | KeysException | RuntimeException e) {
            error.setText(getTranslation("collect.kit.failed", Sentence.of(e)));
            return;
        }
        result.setText(text);
        result.getElement().setAttribute("data-holds-key", String.valueOf(chosen != null));
        Notification.show(getTranslation("collect.kit.done", s.label()), 4000, Notification.Position.BOTTOM_CENTER);
        written.run();
    }
}
