package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.airlock.formats.ids.GroupCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a digit-group field's groups at a given group length, and their words: groups of
 * the wrong length, a digit dropped or added (named where it happened), and complete groups whose
 * check digit does not fit (red for a confirmed layout, a warning for 54-digit IIDs).
 */
final class GroupChecks {
    private final Component words;
    private final List<TextField> groups;
    private final Span message;

    /** Checks {@code groups}, says the first problem in {@code message}, in the words of {@code words}. */
    GroupChecks(Component words, List<TextField> groups, Span message) {
        this.words = words;
        this.groups = groups;
        this.message = message;
    }

    /** The name of group {@code i} (0-based) in messages: "4", or "D" for a CID. */
    String label(int i) {
        return DigitKeys.letterOrNumber(i, groups.size());
    }

    /** "4", "4, 6" (or letters): the groups in {@code zeroBased}, for a message. */
    String labels(List<Integer> zeroBased) {
        List<String> names = new ArrayList<>();
        zeroBased.forEach(i -> names.add(label(i)));
        return String.join(", ", names);
    }

    /** Words for failing groups of a parsed ID, 1-based {@code oneBased}; softer when not {@code confirmed}. */
    String mistypedWords(List<Integer> oneBased, boolean confirmed) {
        List<Integer> zeroBased = oneBased.stream().map(g -> g - 1).toList();
        String key = confirmed ? (oneBased.size() == 1 ? "digits.groupMistyped" : "digits.groupsMistyped")
                : (oneBased.size() == 1 ? "digits.groupMaybeMistyped" : "digits.groupsMaybeMistyped");
        return words.getTranslation(key, labels(zeroBased));
    }

    /** Whether this layout's check digits are known to hold (63-digit IID, CID); else only warned about. */
    boolean confirmedLayout(int len) {
        return (groups.size() == 9 && len == 7) || (groups.size() == 8 && len == 6);
    }

    /** The digits typed in group {@code i}: a pasted number has more characters than the group holds. */
    String digits(int i, int len) {
        String typed = groups.get(i).getValue();
        return DigitKeys.digitsOf(typed, typed.length() > len);
    }

    /** The digits of all groups, concatenated. */
    String value(int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            sb.append(digits(i, len));
        }
        return sb.toString();
    }

    /** The 0-based complete groups whose check digit does not fit. */
    List<Integer> failingGroups(int len) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String d = digits(i, len);
            if (d.length() == len && len >= 2 && !GroupCheck.fits(d)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * When the digits are one off and the only wrong-length group is the last one (the shift ran
     * to the end): where the digit was dropped or added, in words; else empty.
     */
    private Optional<String> shiftWords(int firstWrong, int len) {
        if (firstWrong != groups.size() - 1 || !confirmedLayout(len)) {
            return Optional.empty();
        }
        return GroupCheck.locateShift(value(len), groups.size(), len)
                .filter(sh -> sh.groups().size() <= 2)
                .map(sh -> words.getTranslation(sh.isShort() ? "digits.groupShort" : "digits.groupLong",
                        labels(sh.groups().stream().map(g -> g - 1).toList()).replace(", ",
                                " " + words.getTranslation("digits.or") + " ")));
    }

    /** The first group with a wrong number of digits, as a sentence; empty when all are right. */
    Optional<String> problem(int len) {
        for (int i = 0; i < groups.size(); i++) {
            int n = digits(i, len).length();
            if (n != len) {
                Optional<String> shift = shiftWords(i, len);
                if (shift.isPresent()) {
                    return shift;
                }
                return Optional.of(words.getTranslation("digits.groupWrong", label(i), n, len));
            }
        }
        return Optional.empty();
    }

    /**
     * Marks groups that are too long, short groups before the one being typed, and complete
     * groups whose check digit does not fit (red outline for a confirmed layout, a warning for
     * 54-digit IIDs); the first problem goes in words below.
     */
    void mark(int len) {
        int lastFilled = -1;
        for (int i = 0; i < groups.size(); i++) {
            if (!groups.get(i).getValue().isEmpty()) {
                lastFilled = i;
            }
        }
        String first = null;
        for (int i = 0; i < groups.size(); i++) {
            int n = digits(i, len).length();
            boolean bad = n > len || (i < lastFilled && n != len);
            groups.get(i).setInvalid(bad);
            if (bad && first == null) {
                first = shiftWords(i, len).orElse(words.getTranslation("digits.groupWrong", label(i), n, len));
            }
        }
        List<Integer> failing = failingGroups(len);
        boolean confirmed = confirmedLayout(len);
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
}
