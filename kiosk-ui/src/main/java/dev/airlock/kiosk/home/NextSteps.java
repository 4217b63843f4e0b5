package dev.airlock.kiosk.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.merge.Merge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/** The next steps in plain words, most urgent first, as big buttons that go where each step is done. */
final class NextSteps extends Div {
    /** One next step: words and the route that does it. */
    record Step(String text, String route) {}

    /** Larger files count as new without being read (intake says what is wrong with them). */
    static final long MAX_FILE_BYTES = 8L << 20;

    private final ObjectProvider<Collect> intake;
    private final ObjectProvider<Merge> merge;

    NextSteps(ObjectProvider<Collect> intake, ObjectProvider<Merge> merge) {
        this.intake = intake;
        this.merge = merge;
        addClassName("home-steps");
    }

    void show(List<Step> list) {
        removeAll();
        for (int i = 0; i < list.size(); i++) {
            Step s = list.get(i);
            Button b = new Button(s.text(), VaadinIcon.ARROW_RIGHT.create());
            b.setIconAfterText(true);
            b.setId("home-next-step-" + i);
            b.addClassName("home-step");
            b.addThemeVariants(ButtonVariant.LUMO_LARGE, i == 0 ? ButtonVariant.LUMO_PRIMARY
                    : ButtonVariant.LUMO_CONTRAST);
            b.getElement().setAttribute("data-route", s.route());
            b.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(s.route())));
            add(b);
        }
    }

    /** Collected and result files on {@code s} not taken in yet. */
    int newFiles(Stick s) {
        return intake.getObject().countNew(s.root(), MAX_FILE_BYTES).total();
    }

    /** The next steps of a lab, most urgent first: sticks present, then the products' states. */
    List<Step> labSteps(StatusReport status, List<Stick> sticks) {
        List<Step> out = new ArrayList<>();
        boolean labStickWithFiles = false;
        for (Stick s : sticks) {
            if (s.kind() == StickKind.TRANSFER && s.responseFiles() > 0
                    && merge.getObject().countUnmerged(s.root()) > 0) {
                out.add(new Step(getTranslation("home.step.response", s.label()), "import"));
            }
            if (s.kind() == StickKind.LAB && s.collectedFiles() + s.resultFiles() > 0) {
                labStickWithFiles = true;
                // only files not taken in yet (by content): an old stick does not call for work
                int fresh = newFiles(s);
                if (fresh > 0) {
                    out.add(new Step(getTranslation("home.step.labStick", fresh, s.label()), "collect"));
                }
            }
        }
        Map<ProductState, Long> n = status.byState();
        if (n.get(ProductState.COLLECTED) > 0) {
            out.add(new Step(getTranslation("home.step.export", n.get(ProductState.COLLECTED)), "export"));
        }
        if (n.get(ProductState.CID_RECEIVED) > 0) {
            out.add(new Step(getTranslation("home.step.apply", n.get(ProductState.CID_RECEIVED)), "apply"));
        }
        if (n.get(ProductState.REUSABLE) > 0) {
            out.add(new Step(getTranslation("home.step.reuse", n.get(ProductState.REUSABLE)), "reimage"));
        }
        if (n.get(ProductState.EXPORTED) > 0) {
            out.add(new Step(getTranslation("home.step.exported", n.get(ProductState.EXPORTED)), "import"));
        }
        long trouble = n.get(ProductState.REJECTED) + n.get(ProductState.APPLY_FAILED);
        if (trouble > 0) {
            out.add(new Step(getTranslation("home.step.trouble", trouble), "machines"));
        }
        if (status.products() > 0 && n.get(ProductState.VERIFIED) == status.products()) {
            out.add(new Step(getTranslation("home.step.allVerified", status.products()), "machines"));
        } else if (status.products() > 0 && n.get(ProductState.NOT_NEEDED) > 0
                && n.get(ProductState.VERIFIED) + n.get(ProductState.NOT_NEEDED) == status.products()) {
            out.add(new Step(getTranslation("home.step.allDone", n.get(ProductState.VERIFIED),
                    n.get(ProductState.NOT_NEEDED)), "machines"));
        }
        if (!labStickWithFiles) {
            out.add(new Step(getTranslation(status.products() == 0 ? "home.step.insertFirst" : "home.step.insert"),
                    "collect"));
        }
        return out;
    }

    /** The next steps of a gateway: answer the request on each transfer stick, or insert one. */
    List<Step> gatewaySteps(List<Stick> sticks) {
        List<Step> out = new ArrayList<>();
        for (Stick s : sticks) {
            if (s.kind() == StickKind.TRANSFER && s.requestFiles() > 0) {
                out.add(new Step(getTranslation("home.step.request", s.label()), "gateway"));
            }
        }
        if (out.isEmpty()) {
            out.add(new Step(getTranslation("home.step.insertRequest"), "gateway"));
        }
        return out;
    }
}
