package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakEntry;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.ProductKey;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/** The MAK vault: keys are typed masked, sealed, and only ever shown as their last 5 characters. */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class MakTab extends VerticalLayout {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final PasswordField key = new PasswordField();
    final TextField description = new TextField();
    final Button add = new Button();
    final Span error = new Span();
    final Grid<MakEntry> list = new Grid<>();
    private final ObjectProvider<MakVault> makVault;
    private final KioskSession session;
    private final Seal seal;

    MakTab(ObjectProvider<MakVault> makVault, KioskSession session, Seal seal) {
        this.makVault = makVault;
        this.session = session;
        this.seal = seal;
        addClassName("supervisor-mak");
        configureForm();
        configureGrid();
        add(new H2(getTranslation("supervisor.mak.title")), new Paragraph(getTranslation("supervisor.mak.intro")),
                key, description, error, add, list);
        refresh();
    }

    private void configureForm() {
        key.setId("mak-key");
        key.setLabel(getTranslation("supervisor.mak.key"));
        key.setHelperText(getTranslation("supervisor.mak.keyHelp"));
        key.setRevealButtonVisible(false);
        key.setWidth("28em");
        key.getElement().setAttribute("autocomplete", "off");
        description.setId("mak-description");
        description.setLabel(getTranslation("supervisor.mak.description"));
        description.setMaxLength(MakVault.MAX_DESCRIPTION);
        description.setWidth("28em");
        error.addClassName("form-error");
        error.setId("mak-error");
        add.setId("mak-add");
        add.setText(getTranslation("supervisor.mak.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        add.addClickShortcut(Key.ENTER).listenOn(this);
        add.addClickListener(e -> addKey());
    }

    private void configureGrid() {
        list.setId("mak-list");
        list.addColumn(e -> "*****-*****-*****-*****-" + e.partialKey()).setHeader(getTranslation("supervisor.mak.colKey"))
                .setAutoWidth(true);
        list.addColumn(e -> OutsideText.shown(e.description())).setHeader(getTranslation("supervisor.mak.colDescription"))
                .setFlexGrow(1);
        list.addColumn(e -> e.remaining().isPresent()
                ? getTranslation("supervisor.mak.remaining", e.remaining().getAsInt(),
                        e.remainingLearned().map(WHEN::format).orElse("-"))
                : getTranslation("supervisor.mak.remainingUnknown"))
                .setHeader(getTranslation("supervisor.mak.colRemaining")).setAutoWidth(true);
        list.addComponentColumn(e -> {
            Button remove = new Button(getTranslation("supervisor.mak.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            remove.addClassName("supervisor-row-button");
            remove.addClickListener(c -> confirmRemove(e));
            return remove;
        }).setAutoWidth(true);
        list.setAllRowsVisible(true);
        list.setWidthFull();
    }

    void addKey() {
        error.setText("");
        ProductKey parsed;
        try {
            parsed = ProductKey.parse(key.getValue());
        } catch (InvalidIdException e) {
            error.setText(getTranslation("supervisor.mak.invalid", Sentence.of(e)));
            key.clear();
            key.focus();
            return;
        }
        key.clear();
        try (Passphrase p = seal.passphrase()) {
            MakEntry entry = makVault.getObject().add(parsed, description.getValue(), p,
                    session.actor());
            description.clear();
            Notification.show(getTranslation("supervisor.mak.added", entry.partialKey()), 4000,
                    Notification.Position.MIDDLE);
            refresh();
        } catch (KeysException | RuntimeException e) {
            error.setText(Sentence.of(e));
        }
    }

    private void confirmRemove(MakEntry e) {
        new Confirm(getTranslation("supervisor.mak.removeTitle"),
                getTranslation("supervisor.mak.removeText", e.partialKey(), e.description()),
                getTranslation("supervisor.mak.remove"), () -> remove(e)).open();
    }

    void remove(MakEntry e) {
        try {
            makVault.getObject().remove(e.id(), session.actor());
            Notification.show(getTranslation("supervisor.mak.removed", e.partialKey()), 4000,
                    Notification.Position.MIDDLE);
        } catch (KeysException ex) {
            error.setText(Sentence.of(ex));
        }
        refresh();
    }

    void refresh() {
        list.setItems(makVault.getObject().list());
    }
}
