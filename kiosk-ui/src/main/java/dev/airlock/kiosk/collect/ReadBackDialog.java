package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.kiosk.ui.DigitGroupsField;
import dev.airlock.kiosk.ui.GroupedDigits;

/**
 * The read-back of a hand-typed product before it is saved: host, product and the IID in big
 * digits, with the groups whose check digit does not fit named; confirm or correct.
 */
final class ReadBackDialog extends Dialog {
    final Button confirm = new Button();
    final Button correct = new Button();
    final Span readBackFlag = new Span();
    private final Div readBackDigits = new Div();
    private final Span readBackWhat = new Span();

    /** {@code confirmed} runs on Confirm (or Enter), {@code correcting} on Correct (after closing). */
    ReadBackDialog(Runnable confirmed, Runnable correcting) {
        addClassName("collect-readback");
        setModal(true);
        setCloseOnOutsideClick(false);
        setHeaderTitle(getTranslation("collect.readback.title"));
        readBackDigits.addClassName("collect-readback-digits");
        confirm.setId("collect-readback-confirm");
        confirm.setText(getTranslation("collect.readback.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.addClickShortcut(Key.ENTER).listenOn(this);
        confirm.addClickListener(e -> confirmed.run());
        correct.setId("collect-readback-correct");
        correct.setText(getTranslation("collect.readback.correct"));
        correct.addThemeVariants(ButtonVariant.LUMO_LARGE);
        correct.addClickListener(e -> {
            close();
            correcting.run();
        });
        readBackFlag.setId("collect-readback-flag");
        readBackFlag.addClassName("form-error");
        add(new Paragraph(getTranslation("collect.readback.intro")), readBackWhat, readBackDigits, readBackFlag);
        getFooter().add(correct, confirm);
    }

    /** Reads {@code entry} back, its IID's groups named as {@code iid} names them, and opens. */
    void show(ManualEntry entry, DigitGroupsField iid) {
        readBackWhat.setText(getTranslation("collect.readback.what", entry.hostName(), entry.productName()));
        readBackDigits.removeAll();
        GroupCheck.Result groupCheck = entry.iid().groupCheck();
        H2 big = new H2();
        big.add(new GroupedDigits(entry.iid().groups(), false).mark(groupCheck.groups()));
        readBackDigits.add(big);
        boolean flagged = groupCheck instanceof GroupCheck.Result.Mistyped;
        readBackFlag.setText(groupCheck.groups().isEmpty() ? ""
                : flagged ? getTranslation(groupCheck.groups().size() == 1 ? "collect.readback.flagged"
                        : "collect.readback.flaggedMany", iid.labelsOf(groupCheck.groups()))
                : iid.mistypedWords(groupCheck.groups(), false));
        readBackFlag.setVisible(!groupCheck.groups().isEmpty());
        confirm.setText(getTranslation(flagged ? "collect.readback.keep" : "collect.readback.confirm"));
        open();
    }
}
