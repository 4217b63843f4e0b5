package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** A yes/no dialog for a destructive step; {@code yes} closes it and runs the action. */
final class Confirm extends Dialog {
    final Button yes = new Button();
    final Button no = new Button();

    Confirm(String title, String text, String yesText, Runnable action, Component... extra) {
        addClassName("supervisor-confirm");
        setHeaderTitle(title);
        add(new Paragraph(text));
        add(extra);
        yes.setText(yesText);
        yes.setId("supervisor-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        yes.addClickListener(e -> {
            close();
            action.run();
        });
        no.setText(getTranslation("supervisor.cancel"));
        no.setId("supervisor-confirm-no");
        no.addThemeVariants(ButtonVariant.LUMO_LARGE);
        no.addClickListener(e -> close());
        getFooter().add(no, yes);
        setCloseOnOutsideClick(false);
    }
}
