package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.airlock.formats.ids.GroupCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Big digit-group fields for typing an IID (9 groups of 7, or 6) or a CID (8 groups of 6):
 * moves on by itself when a group is full, takes a whole pasted or scanned number in any group
 * and spreads it, accepts AZERTY digit keys without shift, and names the group that is wrong.
 * A complete group whose check digit does not fit ({@link GroupCheck}, advisory) is outlined red
 * with words below at once (63-digit IIDs, CIDs); for 54-digit IIDs, whose check is not
 * confirmed, it only gets a warning. A digit count one off names the group where it was dropped.
 */
public final class DigitGroupsField extends Composite<Div> {
    final List<TextField> groups = new ArrayList<>();
    final Span message = new Span();
    private final GroupChecks checks = new GroupChecks(this, groups, message);
    private final List<Consumer<String>> completeListeners = new ArrayList<>();
    private int groupLength;
    private boolean spreading;

    /** {@code count} groups of {@code groupLength} digits; {@code label} names one group ("Group"). */
    public DigitGroupsField(int count, int groupLength, String label) {
        this.groupLength = groupLength;
        Div row = new Div();
        row.addClassName("digit-groups");
        for (int i = 0; i < count; i++) {
            TextField f = new TextField();
            f.addClassName("digit-group-field");
            f.setAllowedCharPattern(DigitKeys.ALLOWED);
            f.setValueChangeMode(ValueChangeMode.EAGER);
            f.getElement().setAttribute("aria-label", label + " " + (i + 1));
            f.getElement().setAttribute("inputmode", "numeric");
            f.getElement().setAttribute("autocomplete", "off");
            f.setPlaceholder(DigitKeys.letterOrNumber(i, count));
            int index = i;
            f.addValueChangeListener(e -> {
                if (e.isFromClient() && !spreading) {
                    typed(index, e.getValue());
                }
            });
            groups.add(f);
            row.add(f);
        }
        message.addClassName("digit-groups-message");
        getContent().add(row, message);
        getContent().addClassName("digit-groups-field");
    }

    /** "4", "4, 6" (or letters): the 1-based {@code groups} of a parsed ID's check, for a message. */
    public String labelsOf(List<Integer> groups) {
        return checks.labels(groups.stream().map(g -> g - 1).toList());
    }

    /** "4", "4, 6" (or letters): the groups in {@code zeroBased}, for a message. */
    public String labels(List<Integer> zeroBased) {
        return checks.labels(zeroBased);
    }

    /**
     * Words for failing groups of a parsed ID, 1-based {@code groups}: "Group 4 looks mistyped: check
     * it", or the softer unconfirmed warning when {@code confirmed} is false.
     */
    public String mistypedWords(List<Integer> groups, boolean confirmed) {
        return checks.mistypedWords(groups, confirmed);
    }

    /** Changes the expected group length (IID: 7 for 63 digits, 6 for 54). */
    public void setGroupLength(int groupLength) {
        this.groupLength = groupLength;
        check();
    }

    public int groupLength() {
        return groupLength;
    }

    /** As typed into one group: a pasted number has more characters than the group holds. */
    private String digitsOf(String typed) {
        return DigitKeys.digitsOf(typed, typed.length() > groupLength);
    }

    private void typed(int index, String raw) {
        String digits = digitsOf(raw);
        spreading = true;
        try {
            if (digits.length() > groupLength) {
                // a whole number pasted or scanned into one group: spread it from here on
                int total = digits.length() + index * groupLength;
                if (index == 0 && (total == groups.size() * 6 || total == groups.size() * 7)) {
                    groupLength = total / groups.size();
                }
                int at = index;
                int pos = 0;
                while (at < groups.size() && pos < digits.length()) {
                    int end = Math.min(digits.length(), pos + groupLength);
                    groups.get(at).setValue(digits.substring(pos, end));
                    pos = end;
                    at++;
                }
                focusGroup(Math.min(at, groups.size() - 1));
            } else {
                if (!digits.equals(raw)) {
                    groups.get(index).setValue(digits);
                }
                if (digits.length() == groupLength && index + 1 < groups.size()) {
                    focusGroup(index + 1);
                }
            }
        } finally {
            spreading = false;
        }
        check();
        if (isComplete()) {
            completeListeners.forEach(l -> l.accept(value()));
        }
    }

    private void focusGroup(int i) {
        groups.get(i).focus();
    }

    /** All groups filled to the expected length. */
    public boolean isComplete() {
        return groups.stream().allMatch(g -> digitsOf(g.getValue()).length() == groupLength);
    }

    /** The first group with a wrong number of digits, as a sentence; empty when all are right. */
    public Optional<String> problem() {
        return checks.problem(groupLength);
    }

    private void check() {
        checks.mark(groupLength);
    }

    /** True when a complete group's check digit does not fit on a layout where the check is confirmed. */
    public boolean hasMistypedGroup() {
        return checks.confirmedLayout(groupLength) && !checks.failingGroups(groupLength).isEmpty();
    }

    /** The digits of all groups, concatenated. */
    public String value() {
        return checks.value(groupLength);
    }

    /** Fills the groups from a digit string (e.g. to show a read-back or in tests). */
    public void setValue(String digits) {
        spreading = true;
        try {
            for (int i = 0; i < groups.size(); i++) {
                int from = i * groupLength;
                groups.get(i).setValue(from >= digits.length() ? ""
                        : digits.substring(from, Math.min(digits.length(), from + groupLength)));
            }
        } finally {
            spreading = false;
        }
        check();
    }

    public void clear() {
        setValue("");
        focusGroup(0);
    }

    public void focus() {
        focusGroup(0);
    }

    /** Called with the digits each time the last group completes the number. */
    public Registration addCompleteListener(Consumer<String> listener) {
        completeListeners.add(listener);
        return () -> completeListeners.remove(listener);
    }
}
