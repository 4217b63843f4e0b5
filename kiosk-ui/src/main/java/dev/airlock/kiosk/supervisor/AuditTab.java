package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.ApplianceHolder;

/** The audit log, newest first (lazy), and the hash-chain check in words. */
final class AuditTab extends VerticalLayout {
    final Grid<AuditEntry> grid = new Grid<>();
    final Button verify = new Button();
    final Span result = new Span();
    private final ApplianceHolder holder;

    AuditTab(ApplianceHolder holder) {
        this.holder = holder;
        addClassName("supervisor-audit");
        verify.setId("audit-verify");
        verify.setText(getTranslation("supervisor.audit.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        verify.addClickListener(e -> verify());
        result.setId("audit-result");
        result.addClassName("supervisor-message");
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(verify, result);
        bar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        add(new H2(getTranslation("supervisor.audit.title")), bar, grid);
        setSizeFull();
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addColumn(AuditEntry::seq).setHeader(getTranslation("supervisor.audit.colSeq")).setAutoWidth(true);
        grid.addColumn(e -> MakTab.WHEN.format(e.at())).setHeader(getTranslation("supervisor.audit.colAt"))
                .setAutoWidth(true);
        grid.addColumn(e -> OutsideText.shown(e.operator())).setHeader(getTranslation("supervisor.audit.colOperator"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("supervisor.audit.colAction")).setAutoWidth(true);
        grid.addColumn(e -> OutsideText.shown(e.subject())).setHeader(getTranslation("supervisor.audit.colSubject"))
                .setAutoWidth(true);
        grid.addColumn(e -> OutsideText.shown(e.details())).setHeader(getTranslation("supervisor.audit.colDetails")).setFlexGrow(1);
        // newest first; the service reads the newest N, so a page is the tail of the newest offset+limit
        grid.setItems(query -> holder.get().audit().recent(query.getOffset() + query.getLimit(), "").stream()
                .skip(query.getOffset()));
        grid.setMinHeight("20em");
        grid.setWidthFull();
    }

    void verify() {
        ChainReport report = holder.get().audit().verify();
        result.removeClassNames("supervisor-ok", "supervisor-bad");
        if (report instanceof ChainReport.Intact ok) {
            result.addClassName("supervisor-ok");
            result.setText(getTranslation("supervisor.audit.intact", ok.rows()));
        } else {
            ChainReport.Broken bad = (ChainReport.Broken) report;
            result.addClassName("supervisor-bad");
            result.setText(getTranslation("supervisor.audit.broken", bad.seq(), bad.reason()));
        }
        grid.getDataProvider().refreshAll();
    }
}
