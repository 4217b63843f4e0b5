package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.airlock.appliance.inventory.KnownProduct;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.ui.DigitGroupsField;
import dev.airlock.kiosk.ui.Sentence;
import java.util.List;
import java.util.Optional;

/**
 * One product typed in by hand: host, product (picked from the products already recorded, or
 * typed), and the IID in 9 big digit groups. A complete IID is read back in big digits before
 * anything is saved; only Confirm raises a {@link SaveEvent}. A group whose check digit does not
 * fit is marked as it is typed, and the read-back then says so and asks to "Keep it as typed".
 */
public final class ManualEntryForm extends Composite<Div> {
    /** Raised when the technician confirmed the read-back: the entry to record. */
    public static final class SaveEvent extends ComponentEvent<ManualEntryForm> {
        private final ManualEntry entry;

        SaveEvent(ManualEntryForm source, ManualEntry entry) {
            super(source, false);
            this.entry = entry;
        }

        public ManualEntry entry() {
            return entry;
        }
    }

    final TextField host = new TextField();
    final TextField group = new TextField();
    final ComboBox<KnownProduct> product = new ComboBox<>();
    final TextField sku = new TextField();
    final Select<ManualApp> app = new Select<>();
    final TextField name = new TextField();
    final TextField epid = new TextField();
    final Checkbox shortIid = new Checkbox();
    final DigitGroupsField iid;
    final Span error = new Span();
    final Button save = new Button();
    final ReadBackDialog readBack = new ReadBackDialog(this::confirmed, this::correcting);
    private String channel = "Volume:MAK";
    private ManualEntry pending;

    public ManualEntryForm(List<KnownProduct> known) {
        iid = new DigitGroupsField(9, 7, getTranslation("collect.manual.group"));
        getContent().addClassName("collect-manual");
        configureFields(known);
        Div productRow = new Div(sku, app, name, epid);
        productRow.addClassName("collect-manual-product-row");
        Div hostRow = new Div(host, group);
        hostRow.addClassName("collect-manual-host-row");
        Span iidLabel = new Span(getTranslation("collect.manual.iid"));
        iidLabel.addClassName("collect-manual-iid-label");
        getContent().add(hostRow, product, productRow, iidLabel, shortIid, iid, error, save, readBack);
    }

    private void configureFields(List<KnownProduct> known) {
        host.setId("collect-manual-host");
        host.setLabel(getTranslation("collect.manual.host"));
        host.setMaxLength(64);
        host.setRequiredIndicatorVisible(true);
        group.setId("collect-manual-group");
        group.setLabel(getTranslation("collect.manual.groupName"));
        group.setMaxLength(64);
        product.setId("collect-manual-product");
        product.setLabel(getTranslation("collect.manual.product"));
        product.setHelperText(getTranslation(known.isEmpty() ? "collect.manual.productNone"
                : "collect.manual.productHelp"));
        product.setItems(known);
        product.setItemLabelGenerator(k -> k.name() + " · " + k.skuId());
        product.setWidth("32em");
        product.addValueChangeListener(e -> {
            KnownProduct k = e.getValue();
            if (k != null) {
                sku.setValue(k.skuId());
                app.setValue(ManualApp.of(k.applicationId()));
                name.setValue(k.name());
                epid.setValue(k.epid());
                channel = k.channel();
            }
        });
        sku.setId("collect-manual-sku");
        sku.setLabel(getTranslation("collect.manual.sku"));
        sku.setWidth("24em");
        app.setId("collect-manual-app");
        app.setLabel(getTranslation("collect.manual.app"));
        app.setItems(ManualApp.values());
        app.setItemLabelGenerator(a -> getTranslation("collect.manual.app." + a.name().toLowerCase(
                java.util.Locale.ROOT)));
        app.setValue(ManualApp.WINDOWS);
        name.setId("collect-manual-name");
        name.setLabel(getTranslation("collect.manual.name"));
        name.setWidth("24em");
        epid.setId("collect-manual-epid");
        epid.setLabel(getTranslation("collect.manual.epid"));
        epid.setWidth("32em");
        shortIid.setId("collect-manual-short-iid");
        shortIid.setLabel(getTranslation("collect.manual.shortIid"));
        shortIid.addValueChangeListener(e -> iid.setGroupLength(e.getValue() ? 6 : 7));
        iid.setId("collect-manual-iid");
        iid.addCompleteListener(digits -> check());
        error.setId("collect-manual-error");
        error.addClassName("form-error");
        save.setId("collect-manual-save");
        save.setText(getTranslation("collect.manual.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClickListener(e -> check());
    }

    /** Checks every field; when all is well shows the read-back, else says what is wrong. */
    void check() {
        error.setText("");
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            error.setText(problem.get());
            return;
        }
        readBack.show(pending, iid);
    }

    /** Builds the entry from the fields into {@code pending}; the first problem in words otherwise. */
    private Optional<String> validate() {
        pending = null;
        if (host.getValue().isBlank()) {
            return Optional.of(getTranslation("collect.manual.hostMissing"));
        }
        if (name.getValue().isBlank()) {
            return Optional.of(getTranslation("collect.manual.productMissing"));
        }
        Optional<String> groupProblem = iid.problem();
        if (groupProblem.isPresent()) {
            return groupProblem;
        }
        try {
            InstallationId parsed = InstallationId.parse(iid.value());
            pending = new ManualEntry(host.getValue(), Optional.of(group.getValue().strip()).filter(g -> !g.isEmpty()),
                    SkuId.parse(sku.getValue()), app.getValue().id, name.getValue().strip(),
                    ExtendedProductId.parse(epid.getValue()), parsed, Optional.empty(), channel,
                    LicenseStatus.ofCode(0));
            return Optional.empty();
        } catch (InvalidIdException | IllegalArgumentException e) {
            return Optional.of(Sentence.of(e));
        }
    }

    private void correcting() {
        pending = null;
        iid.focus();
    }

    private void confirmed() {
        if (!readBack.isOpened()) {
            return; // closed with Esc: nothing was confirmed
        }
        ManualEntry entry = pending;
        pending = null;
        readBack.close();
        if (entry != null) {
            fireEvent(new SaveEvent(this, entry));
        }
    }

    /** After a save: clears the IID for the next product of the same machine. */
    void clearIid() {
        iid.clear();
        error.setText("");
    }

    void showError(String text) {
        error.setText(text);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
