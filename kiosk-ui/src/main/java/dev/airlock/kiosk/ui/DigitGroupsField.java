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
    /** AZERTY number-row characters typed without shift, mapped to their digits. */
    private static final String AZERTY = "&é\"'(-è_çà";
    final List<TextField> groups = new ArrayList<>();
    final Span message = new Span();
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
            f.setAllowedCharPattern("[0-9" + AZERTY.replace("\"", "\\\"") + " -]");
            f.setValueChangeMode(ValueChangeMode.EAGER);
            f.getElement().setAttribute("aria-label", label + " " + (i + 1));
            f.getElement().setAttribute("inputmode", "numeric");
            f.getElement().setAttribute("autocomplete", "off");
            f.setPlaceholder(letterOrNumber(i, count));
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

    /** CIDs (8 groups) are lettered A-H like the phone activation dialog; IIDs (9 groups) are numbered. */
    private static String letterOrNumber(int i, int count) {
        return count == 8 ? String.valueOf((char) ('A' + i)) : String.valueOf(i + 1);
    }

    /** The name of group {@code i} (0-based) in messages: "4", or "D" for a CID. */
    String label(int i) {
        return letterOrNumber(i, groups.size());
    }

    /** Whether this layout's check digits are known to hold (63-digit IID, CID); else only warned about. */
    private boolean confirmedLayout() {
        return (groups.size() == 9 && groupLength == 7) || (groups.size() == 8 && groupLength == 6);
    }

    /** The 0-based complete groups whose check digit does not fit. */
    List<Integer> failingGroups() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String d = digitsOf(groups.get(i).getValue());
            if (d.length() == groupLength && groupLength >= 2 && !GroupCheck.fits(d)) {
                out.add(i);
            }
        }
        return out;
    }

    /** "4", "4, 6" (or letters): the 1-based {@code groups} of a parsed ID's check, for a message. */
    public String labelsOf(List<Integer> groups) {
        return labels(groups.stream().map(g -> g - 1).toList());
    }

    /** "4", "4, 6" (or letters): the groups in {@code zeroBased}, for a message. */
    public String labels(List<Integer> zeroBased) {
        List<String> names = new ArrayList<>();
        zeroBased.forEach(i -> names.add(label(i)));
        return String.join(", ", names);
    }

    /**
     * Words for failing groups of a parsed ID, 1-based {@code groups}: "Group 4 looks mistyped: check
     * it", or the softer unconfirmed warning when {@code confirmed} is false.
     */
    public String mistypedWords(List<Integer> groups, boolean confirmed) {
        List<Integer> zeroBased = groups.stream().map(g -> g - 1).toList();
        String key = confirmed ? (groups.size() == 1 ? "digits.groupMistyped" : "digits.groupsMistyped")
                : (groups.size() == 1 ? "digits.groupMaybeMistyped" : "digits.groupsMaybeMistyped");
        return getTranslation(key, labels(zeroBased));
    }

    /**
     * When the digits are one off and the only wrong-length group is the last one (the shift ran
     * to the end): where the digit was dropped or added, in words; else empty.
     */
    private Optional<String> shiftWords(int firstWrong) {
        if (firstWrong != groups.size() - 1 || !confirmedLayout()) {
            return Optional.empty();
        }
        return GroupCheck.locateShift(value(), groups.size(), groupLength)
                .filter(sh -> sh.groups().size() <= 2)
                .map(sh -> getTranslation(sh.isShort() ? "digits.groupShort" : "digits.groupLong",
                        labels(sh.groups().stream().map(g -> g - 1).toList()).replace(", ",
                                " " + getTranslation("digits.or") + " ")));
    }

    /** Changes the expected group length (IID: 7 for 63 digits, 6 for 54). */
    public void setGroupLength(int groupLength) {
        this.groupLength = groupLength;
        check();
    }

    public int groupLength() {
        return groupLength;
    }

    /**
     * Digits only: AZERTY number-row characters typed without shift become digits; spaces go. A
     * dash is the AZERTY 6 when typed alone, but a separator inside a pasted or scanned number
     * (more characters than one group holds), e.g. {@code 1234567-1234567-...}.
     */
    static String digitsOf(String typed, boolean pasted) {
        StringBuilder sb = new StringBuilder(typed.length());
        for (char c : typed.toCharArray()) {
            int az = AZERTY.indexOf(c);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (az >= 0 && !(pasted && c == '-')) {
                sb.append((char) ('0' + (az + 1) % 10));
            }
        }
        return sb.toString();
    }

    /** As typed into one group: a pasted number has more characters than the group holds. */
    private String digitsOf(String typed) {
        return digitsOf(typed, typed.length() > groupLength);
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
        for (int i = 0; i < groups.size(); i++) {
            int n = digitsOf(groups.get(i).getValue()).length();
            if (n != groupLength) {
                Optional<String> shift = shiftWords(i);
                if (shift.isPresent()) {
                    return shift;
                }
                return Optional.of(getTranslation("digits.groupWrong", label(i), n, groupLength));
            }
        }
        return Optional.empty();
    }

    /**
     * Marks groups that are too long, short groups before the one being typed, and complete
     * groups whose check digit does not fit (red outline for a confirmed layout, a warning for
     * 54-digit IIDs); the first problem goes in words below.
     */
    private void check() {
        int lastFilled = -1;
        for (int i = 0; i < groups.size(); i++) {
            if (!groups.get(i).getValue().isEmpty()) {
                lastFilled = i;
            }
        }
        String first = null;
        for (int i = 0; i < groups.size(); i++) {
            int n = digitsOf(groups.get(i).getValue()).length();
            boolean bad = n > groupLength || (i < lastFilled && n != groupLength);
            groups.get(i).setInvalid(bad);
            if (bad && first == null) {
                first = shiftWords(i).orElse(getTranslation("digits.groupWrong", label(i), n, groupLength));
            }
        }
        List<Integer> failing = failingGroups();
        boolean confirmed = confirmedLayout();
        for (int i = 0; i < groups.size(); i++) {
            boolean flagged = failing.contains(i);
            groups.get(i).getElement().getClassList().set("digit-group-flagged", flagged && confirmed);
            groups.get(i).getElement().getClassList().set("digit-group-doubtful", flagged && !confirmed);
            if (flagged && confirmed) {
                groups.get(i).setInvalid(true);
            }
        }
        boolean warningOnly = false;
        if (first == null && !failing.isEmpty()) {
            first = mistypedWords(failing.stream().map(i -> i + 1).toList(), confirmed);
            warningOnly = !confirmed;
        }
        message.getElement().getClassList().set("digit-groups-warning", warningOnly);
        message.setText(first == null ? "" : first);
    }

    /** True when a complete group's check digit does not fit on a layout where the check is confirmed. */
    public boolean hasMistypedGroup() {
        return confirmedLayout() && !failingGroups().isEmpty();
    }

    /** The digits of all groups, concatenated. */
    public String value() {
        StringBuilder sb = new StringBuilder();
        groups.forEach(g -> sb.append(digitsOf(g.getValue())));
        return sb.toString();
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
