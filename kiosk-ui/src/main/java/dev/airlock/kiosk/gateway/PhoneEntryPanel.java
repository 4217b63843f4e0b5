package dev.airlock.kiosk.gateway;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.gateway.PhoneDesk;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.kiosk.ui.DigitGroupsField;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.Sentence;
import java.util.Optional;

/**
 * Phone entry for a gateway run by phone: the record's IID in big groups, the CID typed in 8 group
 * fields (checked group by group, saved at once), skip and stop. A group whose check digit does
 * not fit is marked as it is typed; Save then names it and offers "Keep it as typed" instead of
 * saving. Answers go to the session's {@link KioskPhoneDesk}; hidden when no phone session runs.
 */
final class PhoneEntryPanel extends VerticalLayout {
    final Span record = new Span();
    final Div iid = new Div();
    final DigitGroupsField cid;
    final Button save = new Button();
    final Button keep = new Button();
    /** The digits Save found mistyped, which Keep it as typed saves; null when none is waiting. */
    private String flaggedDigits;
    final Button skip = new Button();
    final Button stop = new Button();
    final Span message = new Span();
    /** The phone session running now, else null. */
    KioskPhoneDesk desk;

    PhoneEntryPanel() {
        cid = new DigitGroupsField(8, 6, getTranslation("gateway.phone.group"));
        setId("gateway-phone-panel");
        addClassName("gateway-phone-panel");
        setVisible(false);
        record.addClassName("gateway-phone-record");
        iid.setId("gateway-phone-iid");
        cid.setId("gateway-phone-cid");
        cid.addCompleteListener(v -> save.focus());
        save.setId("gateway-phone-save");
        save.setText(getTranslation("gateway.phone.save"));
        save.setIcon(VaadinIcon.CHECK.create());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> saveCid());
        keep.setId("gateway-phone-keep");
        keep.setText(getTranslation("gateway.phone.keep"));
        keep.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_ERROR);
        keep.setVisible(false);
        keep.addClickListener(e -> keepAsTyped());
        skip.setId("gateway-phone-skip");
        skip.setText(getTranslation("gateway.phone.skip"));
        skip.addThemeVariants(ButtonVariant.LUMO_LARGE);
        skip.addClickListener(e -> answer(new PhoneDesk.PhoneAnswer.Skip()));
        stop.setId("gateway-phone-stop");
        stop.setText(getTranslation("gateway.phone.stop"));
        stop.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_ERROR);
        stop.addClickListener(e -> answer(new PhoneDesk.PhoneAnswer.Stop()));
        message.setId("gateway-phone-message");
        message.addClassName("gateway-phone-message");
        HorizontalLayout buttons = new HorizontalLayout(save, keep, skip, stop);
        buttons.setWrap(true);
        add(new H2(getTranslation("gateway.phone.title")), record,
                new Paragraph(getTranslation("gateway.phone.readIid")), iid,
                new Paragraph(getTranslation("gateway.phone.typeCid")), cid, message, buttons);
    }

    /** A phone session starts for {@code ui}: each call the worker asks is shown there, answers go to its desk. */
    KioskPhoneDesk begin(UI ui) {
        desk = new KioskPhoneDesk(call -> {
            if (ui.isAttached()) {
                ui.access(() -> showCall(call));
            }
        });
        return desk;
    }

    /** The session is over: hidden, answers go nowhere. */
    void end() {
        setVisible(false);
        desk = null;
    }

    /** The screen goes away: the worker stops; every CID typed so far is already in the cache. */
    void closeDesk() {
        KioskPhoneDesk d = desk;
        if (d != null) {
            d.close();
        }
    }

    /** The worker asks for one record: show its IID big and empty CID groups. */
    void showCall(PhoneDesk.PhoneCall call) {
        setVisible(true);
        record.setText(getTranslation("gateway.phone.record", call.number(), call.total(), call.productName(),
                call.reference()));
        iid.removeAll();
        iid.add(new GroupedDigits(call.iidGroups(), false));
        cid.setValue("");
        flagged(null);
        message.setText("");
        message.removeClassName("gateway-phone-ok");
        setButtonsEnabled(true);
        cid.focus();
    }

    /** Checks the typed CID group by group; a wrong group is asked again, a right CID is saved at once. */
    void saveCid() {
        if (desk == null) {
            return;
        }
        flagged(null);
        Optional<String> problem = cid.problem();
        if (problem.isPresent()) {
            message.removeClassName("gateway-phone-ok");
            message.setText(getTranslation("gateway.phone.again", problem.get()));
            return;
        }
        ConfirmationId typed;
        try {
            typed = ConfirmationId.parse(cid.value());
        } catch (InvalidIdException e) {
            message.removeClassName("gateway-phone-ok");
            message.setText(getTranslation("gateway.phone.again", Sentence.of(e)));
            return;
        }
        GroupCheck.Result check = typed.groupCheck();
        if (!check.groups().isEmpty()) {
            message.removeClassName("gateway-phone-ok");
            message.setText(getTranslation(check.groups().size() == 1 ? "gateway.phone.flagged"
                    : "gateway.phone.flaggedMany", cid.labelsOf(check.groups())));
            flagged(typed.digits());
            return;
        }
        saved(typed);
    }

    /** Keep it as typed: saves the flagged CID, or checks again when the groups changed since. */
    void keepAsTyped() {
        if (desk == null) {
            return;
        }
        String digits = flaggedDigits;
        if (digits == null || !digits.equals(cid.value())) {
            flagged(null);
            saveCid();
            return;
        }
        try {
            saved(ConfirmationId.parse(digits));
        } catch (InvalidIdException e) {
            flagged(null);
            message.setText(getTranslation("gateway.phone.again", Sentence.of(e)));
        }
    }

    private void flagged(String digits) {
        flaggedDigits = digits;
        keep.setVisible(digits != null);
    }

    private void saved(ConfirmationId typed) {
        flagged(null);
        message.addClassName("gateway-phone-ok");
        message.setText(getTranslation("gateway.phone.saved", String.join(" ", typed.groups())));
        answer(new PhoneDesk.PhoneAnswer.Typed(typed));
    }

    private void answer(PhoneDesk.PhoneAnswer a) {
        if (desk != null) {
            setButtonsEnabled(false);
            desk.answer(a);
        }
    }

    private void setButtonsEnabled(boolean on) {
        save.setEnabled(on);
        keep.setEnabled(on);
        skip.setEnabled(on);
        stop.setEnabled(on);
    }
}
