package dev.airlock.kiosk.imports;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.airlock.appliance.merge.MergeOutcome;
import java.util.List;

/** What an import did: the totals, then one box per response (merged, already merged, refused or skipped). */
final class MergeSummary extends Div {
    MergeSummary() {
        setId("import-summary");
        addClassName("import-summary");
        setVisible(false);
    }

    void show(List<MergeOutcome> outcomes) {
        removeAll();
        long merged = outcomes.stream().filter(o -> o instanceof MergeOutcome.Merged).count();
        long again = outcomes.stream().filter(o -> o instanceof MergeOutcome.AlreadyMerged).count();
        long refused = outcomes.stream().filter(o -> o instanceof MergeOutcome.Refused).count();
        int cids = outcomes.stream().mapToInt(o -> o instanceof MergeOutcome.Merged m ? m.cids() : 0).sum();
        int rejected = outcomes.stream().mapToInt(o -> o instanceof MergeOutcome.Merged m ? m.rejections().size()
                : 0).sum();
        add(new H2(getTranslation("import.summary.title")));
        Paragraph totals = new Paragraph(getTranslation("import.summary.totals", cids, rejected, merged, again,
                refused));
        totals.addClassName("import-summary-totals");
        add(totals);
        for (MergeOutcome o : outcomes) {
            add(describe(o));
        }
        setVisible(true);
    }

    private Div describe(MergeOutcome o) {
        Div box = new Div();
        box.addClassName("import-outcome");
        if (o instanceof MergeOutcome.Merged m) {
            box.addClassName("import-outcome-merged");
            box.add(label("import.badge.merged", "ok"), new Span(getTranslation("import.merged", m.source(),
                    m.responseId().substring(0, 8), m.requestId().substring(0, 8), m.cids(), m.rejections().size(),
                    m.requestState().label(), m.requestOpen())));
            if (!m.rejections().isEmpty()) {
                UnorderedList list = new UnorderedList();
                list.addClassName("import-rejections");
                for (MergeOutcome.Rejection r : m.rejections()) {
                    list.add(new ListItem(getTranslation("import.rejection", r.hostName(), r.productName(), r.code().text(),
                            r.explanation())));
                }
                box.add(list);
            }
            UnorderedList notes = new UnorderedList();
            m.notes().forEach(n -> notes.add(new ListItem(n)));
            m.counts().forEach(c -> notes.add(new ListItem(getTranslation("import.count", c.partialKey(),
                    c.remaining()))));
            if (notes.getChildren().findAny().isPresent()) {
                box.add(notes);
            }
        } else if (o instanceof MergeOutcome.AlreadyMerged a) {
            box.addClassName("import-outcome-again");
            box.add(label("import.badge.again", "info"), new Span(getTranslation("import.alreadyMerged", a.source(),
                    a.responseId().substring(0, 8), a.mergedAt().toString())));
        } else if (o instanceof MergeOutcome.Refused r) {
            box.addClassName("import-outcome-refused");
            box.add(label("import.badge.refused", "error"), new Span(getTranslation("import.refused", r.source(),
                    r.reason())));
        } else if (o instanceof MergeOutcome.Skipped k) {
            box.addClassName("import-outcome-skipped");
            box.add(label("import.badge.skipped", "info"), new Span(getTranslation("import.skipped", k.source(),
                    k.reason())));
        }
        return box;
    }

    private Span label(String key, String kind) {
        Span s = new Span(getTranslation(key));
        s.addClassNames("import-badge", "import-badge-" + kind);
        return s;
    }
}
