package dev.airlock.kiosk.export;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.export.BudgetWarning;
import dev.airlock.appliance.export.Export;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.ui.LeftOut;
import java.util.ArrayList;
import java.util.List;

/**
 * What will leave the lab: every record exactly as exported, what is left out and why, what never
 * leaves, and the MAK budget warnings with the box to export anyway.
 */
final class ExportPreview extends Div {
    final Span previewSummary = new Span();
    /** Products left out because they need no CID, and why. */
    final Paragraph leftOut = new Paragraph();
    final Paragraph notLeaving = new Paragraph();
    final Grid<ExportRecord> previewGrid = new Grid<>();
    final Div warnings = new Div();
    final Checkbox force = new Checkbox();

    ExportPreview() {
        setId("export-preview");
        addClassName("export-preview");
        previewSummary.addClassName("export-preview-summary");
        notLeaving.addClassName("export-not-leaving");
        leftOut.setId("export-left-out");
        leftOut.addClassName("export-left-out");
        leftOut.setVisible(false);
        notLeaving.setText(getTranslation("export.preview.notLeaving"));
        previewGrid.setId("export-preview-grid");
        previewGrid.addClassName("export-preview-grid");
        previewGrid.addColumn(r -> breakAfterDashes(r.sku().toString())).setHeader(getTranslation("export.field.sku"))
                .setFlexGrow(3);
        previewGrid.addColumn(r -> breakAfterDashes(r.app().toString())).setHeader(getTranslation("export.field.app"))
                .setFlexGrow(3);
        previewGrid.addColumn(r -> OutsideText.shown(r.productName())).setHeader(getTranslation("export.field.product"))
                .setFlexGrow(3);
        previewGrid.addColumn(r -> breakAfterDashes(r.epid().toString())).setHeader(getTranslation("export.field.epid"))
                .setFlexGrow(4);
        previewGrid.addColumn(r -> String.join(" ", r.iid().groups())).setHeader(getTranslation("export.field.iid"))
                .setFlexGrow(5);
        // long ids wrap inside their column between groups (styles.css), never inside a group
        previewGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        previewGrid.setAllRowsVisible(false);
        previewGrid.setHeight("260px");
        warnings.setId("export-warnings");
        warnings.addClassName("export-warnings");
        force.setId("export-force");
        force.setLabel(getTranslation("export.force"));
        force.addClassName("export-force");
        add(new H2(getTranslation("export.preview.title")), previewSummary, leftOut, previewGrid, notLeaving,
                warnings, force);
    }

    /** Shows {@code plan}: its records, what is left over or left out, its budget warnings. */
    void show(Export.Plan plan) {
        List<ExportRecord> records = new ArrayList<>(plan.products().size());
        for (Product p : plan.products()) {
            records.add(p.toExportRecord());
        }
        previewGrid.setItems(records);
        previewSummary.setText(plan.products().isEmpty() ? getTranslation("export.preview.nothing")
                : getTranslation("export.preview.summary", plan.products().size())
                        + (plan.leftOver() > 0 ? " " + getTranslation("export.preview.leftOver", plan.leftOver()) : ""));
        String out = LeftOut.text(this, "export.preview.notNeeded", plan.notNeeded());
        leftOut.setText(out);
        leftOut.setVisible(!out.isEmpty());
        warnings.removeAll();
        for (BudgetWarning w : plan.warnings()) {
            Paragraph p = new Paragraph(getTranslation("export.warning", w.partialKey(), w.epidPrefix(), w.products(),
                    w.remaining(), w.products() - w.remaining()));
            p.addClassName("export-warning");
            warnings.add(p);
        }
        force.setVisible(!plan.warnings().isEmpty());
        if (plan.warnings().isEmpty()) {
            force.setValue(false);
        }
    }

    /**
     * The id as shown, with a break allowed after each dash: browsers never break between a dash and
     * a digit, so "03612-04219-..." would otherwise be cut anywhere. The bundle holds the id unchanged.
     */
    static String breakAfterDashes(String id) {
        return id.replace("-", "-\u200B");
    }
}
