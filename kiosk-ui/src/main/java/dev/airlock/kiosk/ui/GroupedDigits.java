package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * Digits in big groups for reading aloud or typing at a machine: a CID as 8 groups of 6 with
 * letters A to H above them, an IID as 9 groups.
 */
public final class GroupedDigits extends Div {
    /** Shows {@code groups}; labels each with A, B, C... when {@code lettered}. */
    public GroupedDigits(List<String> groups, boolean lettered) {
        addClassName("grouped-digits");
        // a CID (lettered A-H) and an IID (9 groups) break into even rows, never 7 + 1 (styles.css)
        if (lettered) {
            addClassName("cid-digits");
        } else if (groups.size() == 9) {
            addClassName("iid-digits");
        }
        for (int i = 0; i < groups.size(); i++) {
            Div cell = new Div();
            cell.addClassName("digit-group");
            if (lettered) {
                Span letter = new Span(String.valueOf((char) ('A' + i)));
                letter.addClassName("digit-group-letter");
                cell.add(letter);
            }
            Span digits = new Span(groups.get(i));
            digits.addClassName("digit-group-digits");
            cell.add(digits);
            add(cell);
        }
    }

    /** Marks the 1-based {@code groups} (e.g. those whose check digit does not fit) in the error colour. */
    public GroupedDigits mark(List<Integer> groups) {
        List<com.vaadin.flow.component.Component> cells = getChildren().toList();
        for (int g : groups) {
            if (g >= 1 && g <= cells.size()) {
                cells.get(g - 1).getElement().getClassList().add("digit-group-flagged");
            }
        }
        return this;
    }
}
