package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.operators.Operator;
import dev.airlock.appliance.operators.OperatorException;
import dev.airlock.appliance.operators.OperatorRole;
import dev.airlock.appliance.operators.OperatorService;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/** Operators: add (name, role, PIN twice), remove (never the last supervisor), reset a PIN. */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class OperatorsTab extends VerticalLayout {
    final TextField name = new TextField();
    final RadioButtonGroup<OperatorRole> role = new RadioButtonGroup<>();
    final PasswordField pin = pinField("operators-pin");
    final PasswordField pinAgain = pinField("operators-pin-again");
    final Button add = new Button();
    final Span message = new Span();
    final Grid<Operator> grid = new Grid<>();
    private final ObjectProvider<OperatorService> operators;
    private final KioskSession session;

    OperatorsTab(ObjectProvider<OperatorService> operators, KioskSession session) {
        this.operators = operators;
        this.session = session;
        addClassName("supervisor-operators");
        configureForm();
        configureGrid();
        HorizontalLayout pins = new HorizontalLayout(pin, pinAgain);
        add(new H2(getTranslation("supervisor.operators.title")), grid,
                new H2(getTranslation("supervisor.operators.addTitle")), name, role, pins, message, add);
        refresh();
    }

    static PasswordField pinField(String id) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setAllowedCharPattern("[0-9]");
        f.setMaxLength(8);
        f.getElement().setAttribute("inputmode", "numeric");
        f.getElement().setAttribute("autocomplete", "off");
        f.setRevealButtonVisible(false);
        return f;
    }

    private void configureForm() {
        name.setId("operators-name");
        name.setLabel(getTranslation("supervisor.operators.name"));
        name.setWidth("20em");
        role.setId("operators-role");
        role.setLabel(getTranslation("supervisor.operators.role"));
        role.setItems(OperatorRole.values());
        role.setItemLabelGenerator(r -> getTranslation("operator." + r.id()));
        role.setValue(OperatorRole.TECHNICIAN);
        pin.setLabel(getTranslation("supervisor.operators.pin"));
        pinAgain.setLabel(getTranslation("supervisor.operators.pinAgain"));
        message.setId("operators-message");
        message.addClassName("supervisor-message");
        add.setId("operators-add");
        add.setText(getTranslation("supervisor.operators.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        add.addClickListener(e -> addOperator());
        add.addClickShortcut(Key.ENTER).listenOn(pinAgain);
    }

    private void configureGrid() {
        grid.setId("operators-grid");
        grid.addColumn(o -> OutsideText.shown(o.name())).setHeader(getTranslation("supervisor.operators.colName")).setFlexGrow(1);
        grid.addColumn(o -> getTranslation("operator." + o.role().id()))
                .setHeader(getTranslation("supervisor.operators.colRole")).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            Button reset = new Button(getTranslation("supervisor.operators.resetPin"));
            reset.addClassName("supervisor-row-button");
            reset.addClickListener(c -> new PinResetDialog(operators, session, o, this::pinReset).open());
            Button remove = new Button(getTranslation("supervisor.operators.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            remove.addClassName("supervisor-row-button");
            remove.addClickListener(c -> new Confirm(getTranslation("supervisor.operators.removeTitle"),
                    getTranslation("supervisor.operators.removeText", o.name()),
                    getTranslation("supervisor.operators.remove"), () -> remove(o)).open());
            HorizontalLayout buttons = new HorizontalLayout(reset, remove);
            buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            return buttons;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
    }

    void addOperator() {
        ok(false);
        if (!pin.getValue().equals(pinAgain.getValue())) {
            message.setText(getTranslation("supervisor.operators.pinMismatch"));
            pinAgain.clear();
            return;
        }
        char[] typed = pin.getValue().toCharArray();
        pin.clear();
        pinAgain.clear();
        try {
            Operator op = operators.getObject().add(name.getValue(), role.getValue(), typed,
                    session.actor());
            name.clear();
            ok(true);
            message.setText(getTranslation("supervisor.operators.added", op.name(),
                    getTranslation("operator." + op.role().id())));
            refresh();
        } catch (OperatorException e) {
            message.setText(Sentence.of(e));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    void remove(Operator o) {
        ok(false);
        try {
            operators.getObject().remove(o.id(), session.actor());
            ok(true);
            message.setText(getTranslation("supervisor.operators.removed", o.name()));
        } catch (OperatorException e) {
            message.setText(Sentence.of(e));
            Notification.show(Sentence.of(e), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void ok(boolean ok) {
        message.setText("");
        if (ok) {
            message.addClassName("supervisor-ok");
        } else {
            message.removeClassName("supervisor-ok");
        }
    }

    private void pinReset(String text) {
        ok(true);
        message.setText(text);
    }

    void refresh() {
        grid.setItems(operators.getObject().list());
    }
}
