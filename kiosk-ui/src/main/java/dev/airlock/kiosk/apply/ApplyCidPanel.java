package dev.airlock.kiosk.apply;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.apply.ApplyCommand;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.StateBadge;

/** One product's CID in 8 big lettered groups to type at the machine, its IID and the command line. */
final class ApplyCidPanel extends Div {
    ApplyCidPanel() {
        setId("apply-cid");
        addClassName("apply-cid");
    }

    /** Asks to choose a product, or says none waits. */
    void showNone(boolean nothingWaits) {
        removeAll();
        add(new Paragraph(getTranslation(nothingWaits ? "apply.cid.nothingWaits" : "apply.cid.choose")));
    }

    /** Shows what to type at {@code p}'s machine. */
    void show(Product p) {
        removeAll();
        Span who = new Span(getTranslation("apply.cid.for", p.name(), p.hostName()));
        who.addClassName("apply-cid-who");
        add(who);
        if (p.cid().isPresent()) {
            GroupedDigits cid = new GroupedDigits(p.cid().get().groups(), true);
            cid.addClassName("apply-cid-groups");
            add(new Paragraph(getTranslation("apply.cid.type")), cid);
        } else {
            add(new Paragraph(getTranslation("apply.cid.none")));
        }
        GroupedDigits iid = new GroupedDigits(p.iid().groups(), false);
        iid.addClassNames("apply-iid-groups", "grouped-digits-small");
        add(new Paragraph(getTranslation("apply.cid.iid")), iid);
        Span cmd = new Span(ApplyCommand.of(p).commandLine());
        cmd.addClassName("apply-command");
        add(new Paragraph(getTranslation("apply.cid.command")), cmd);
        if (p.state() == ProductState.REUSABLE) {
            Paragraph reused = new Paragraph(getTranslation("apply.cid.reusable"));
            reused.addClassName("apply-note");
            add(reused);
        }
        if (p.state() == ProductState.APPLY_FAILED) {
            Paragraph failed = new Paragraph(getTranslation("apply.cid.failedBefore", p.stateDetail().text()));
            failed.addClassName("apply-warning");
            add(failed);
        }
    }

    /** Says {@code now} is marked applied. */
    void showMarked(Product now) {
        removeAll();
        Paragraph done = new Paragraph(getTranslation("apply.marked", now.name(), now.hostName(),
                StateBadge.label(now.state())));
        done.addClassName("apply-done");
        add(done);
    }
}
