package dev.airlock.kiosk.signin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.operators.Operator;
import dev.airlock.appliance.operators.OperatorException;
import dev.airlock.appliance.operators.OperatorRole;
import dev.airlock.appliance.operators.OperatorService;
import dev.airlock.appliance.operators.SignInResult;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.SignedInOperator;
import dev.airlock.kiosk.ui.Sentence;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sign-in: the operator touches their name, then types their PIN on the pad. After an idle
 * lock the same operator is offered first. With no operators yet (just set up and unlocked by
 * the supervisor passphrase) it asks for the first supervisor.
 */
@Route(Routes.SIGN_IN)
@PageTitle("Airlock · Sign in")
public class SignInView extends VerticalLayout implements BeforeEnterObserver {
    final Div names = new Div();
    final PinPad pad = new PinPad();
    final Span message = new Span();
    final H2 who = new H2();
    final TextField firstName = new TextField();
    final PasswordField firstPin = new PasswordField();
    final PasswordField firstPinAgain = new PasswordField();
    final Button createFirst = new Button();
    private final ObjectProvider<ApplianceInfo> info;
    private final ObjectProvider<OperatorService> operators;
    private final KioskSession session;
    private final Clock clock;
    private Operator chosen;

    public SignInView(ObjectProvider<ApplianceInfo> info, ObjectProvider<OperatorService> operators,
            KioskSession session, Clock clock) {
        this.info = info;
        this.operators = operators;
        this.session = session;
        this.clock = clock;
        addClassNames("kiosk-view", "sign-in-view");
        names.addClassName("operator-names");
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        pad.addPinEnteredListener(e -> signIn(e.pin()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("signin.title", info.getObject().displayName())));
        OperatorService operators = this.operators.getObject();
        if (!operators.any()) {
            showFirstSupervisor();
            return;
        }
        if (session.isLocked()) {
            SignedInOperator was = session.operator().orElseThrow();
            operators.find(was.id()).ifPresentOrElse(this::choose, this::showNames);
            Button other = new Button(getTranslation("signin.otherOperator"), e -> {
                session.signOut();
                showNames();
            });
            add(new Paragraph(getTranslation("signin.locked")), other);
            return;
        }
        showNames();
    }

    void showNames() {
        chosen = null;
        names.removeAll();
        for (Operator o : operators.getObject().list()) {
            Button b = new Button(o.name(), e -> choose(o));
            b.addClassName("operator-name");
            b.addThemeVariants(ButtonVariant.LUMO_LARGE);
            b.getElement().setAttribute("data-operator", o.name());
            Span role = new Span(getTranslation("operator." + o.role().id()));
            role.addClassName("operator-role");
            b.setSuffixComponent(role);
            names.add(b);
        }
        removeAll();
        add(new H1(getTranslation("signin.title", info.getObject().displayName())),
                new Paragraph(getTranslation("signin.pickName")), names);
    }

    void choose(Operator o) {
        chosen = o;
        removeAll();
        who.setText(getTranslation("signin.hello", o.name()));
        Button back = new Button(getTranslation("signin.notMe"), e -> showNames());
        message.setText("");
        pad.clear();
        add(new H1(getTranslation("signin.title", info.getObject().displayName())), who, pad, message, back);
    }

    void signIn(char[] pin) {
        if (chosen == null) {
            return;
        }
        SignInResult result;
        try {
            result = operators.getObject().signIn(chosen.id(), pin);
        } catch (IllegalArgumentException removedMeanwhile) {
            showNames();
            message.setText(getTranslation("signin.operatorGone"));
            add(message);
            return;
        }
        if (result instanceof SignInResult.SignedIn s) {
            Operator o = s.operator();
            session.signIn(new SignedInOperator(o.id(), o.name(), o.role() == OperatorRole.SUPERVISOR));
            getUI().ifPresent(ui -> ui.navigate(Routes.HOME));
        } else if (result instanceof SignInResult.WrongPin w) {
            message.setText(getTranslation("signin.wrongPin", w.attemptsLeft()));
        } else if (result instanceof SignInResult.LockedOut l) {
            long minutes = Math.max(1, Duration.between(clock.instant(), l.until()).toSeconds() / 60 + 1);
            message.setText(getTranslation("signin.lockedOut", minutes));
        }
    }

    private void showFirstSupervisor() {
        firstName.setLabel(getTranslation("signin.firstName"));
        firstPin.setLabel(getTranslation("signin.firstPin"));
        firstPin.setAllowedCharPattern("[0-9]");
        firstPin.getElement().setAttribute("inputmode", "numeric");
        firstPinAgain.setLabel(getTranslation("signin.firstPinAgain"));
        firstPinAgain.setAllowedCharPattern("[0-9]");
        firstPinAgain.getElement().setAttribute("inputmode", "numeric");
        createFirst.setText(getTranslation("signin.createFirst"));
        createFirst.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        createFirst.addClickListener(e -> createFirstSupervisor());
        add(new Paragraph(getTranslation("signin.noOperators")), firstName, firstPin, firstPinAgain, message,
                createFirst);
    }

    void createFirstSupervisor() {
        if (!firstPin.getValue().equals(firstPinAgain.getValue())) {
            message.setText(getTranslation("signin.pinMismatch"));
            firstPinAgain.clear();
            return;
        }
        char[] pin = firstPin.getValue().toCharArray();
        try {
            Operator o = operators.getObject().add(firstName.getValue(), OperatorRole.SUPERVISOR, pin,
                    new Actor("supervisor (first run)"));
            session.signIn(new SignedInOperator(o.id(), o.name(), true));
            getUI().ifPresent(ui -> ui.navigate(Routes.HOME));
        } catch (OperatorException | IllegalArgumentException e) {
            message.setText(Sentence.of(e));
        } finally {
            java.util.Arrays.fill(pin, '\0');
            firstPin.clear();
            firstPinAgain.clear();
        }
    }
}
