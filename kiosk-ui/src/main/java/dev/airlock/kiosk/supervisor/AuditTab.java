package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditReport;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.audit.SignedHead;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The audit log, newest first (lazy), the check of its chain and signed heads in words, the
 * signed-head state (last signed head, rows since) and a button that signs the head now.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class AuditTab extends VerticalLayout {
    final Grid<AuditEntry> grid = new Grid<>();
    final Button verify = new Button();
    final Button sign = new Button();
    final Span result = new Span();
    final Span signedState = new Span();
    private final ObjectProvider<AuditService> audit;
    private final ObjectProvider<KeyService> keys;
    private final KioskSession session;
    private final Seal seal;

    AuditTab(ObjectProvider<AuditService> audit, ObjectProvider<KeyService> keys, KioskSession session, Seal seal) {
        this.audit = audit;
        this.keys = keys;
        this.session = session;
        this.seal = seal;
        addClassName("supervisor-audit");
        verify.setId("audit-verify");
        verify.setText(getTranslation("supervisor.audit.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        verify.addClickListener(e -> verify());
        sign.setId("audit-sign");
        sign.setText(getTranslation("supervisor.audit.sign"));
        sign.addThemeVariants(ButtonVariant.LUMO_LARGE);
        sign.addClickListener(e -> sign());
        result.setId("audit-result");
        result.addClassName("supervisor-message");
        signedState.setId("audit-signed-state");
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(verify, sign, result);
        bar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        add(new H2(getTranslation("supervisor.audit.title")), signedState, bar, grid);
        setSizeFull();
        showSignedState();
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
        grid.setItems(query -> audit.getObject().recent(query.getOffset() + query.getLimit(), "").stream()
                .skip(query.getOffset()));
        grid.setMinHeight("20em");
        grid.setWidthFull();
    }

    void verify() {
        AuditReport report = keys.getObject().verifyAudit();
        result.removeClassNames("supervisor-ok", "supervisor-bad");
        if (report instanceof AuditReport.Intact ok) {
            result.addClassName("supervisor-ok");
            result.setText(getTranslation("supervisor.audit.intact", ok.rows()) + " " + proven(ok));
        } else {
            AuditReport.Tampered bad = (AuditReport.Tampered) report;
            result.addClassName("supervisor-bad");
            result.setText(getTranslation("supervisor.audit.tampered", bad.seq(), bad.reason())
                    + bad.provenBy().map(h -> " " + getTranslation("supervisor.audit.provenBy",
                            MakTab.WHEN.format(h.signedAt()), h.rows())).orElse(""));
        }
        showSignedState();
        grid.getDataProvider().refreshAll();
    }

    /** Signs the head now with the passphrase the kiosk was unlocked with. */
    void sign() {
        result.removeClassNames("supervisor-ok", "supervisor-bad");
        try (Passphrase p = seal.passphrase()) {
            SignedHead head = keys.getObject().signAuditHead(p, session.actor());
            result.addClassName("supervisor-ok");
            result.setText(getTranslation("supervisor.audit.signed", head.rows(), MakTab.WHEN.format(head.signedAt())));
        } catch (KeysException | RuntimeException e) {
            result.addClassName("supervisor-bad");
            result.setText(getTranslation("supervisor.audit.signFailed", Sentence.of(e)));
        }
        showSignedState();
        grid.getDataProvider().refreshAll();
    }

    private String proven(AuditReport.Intact ok) {
        if (ok.lastSigned().isEmpty()) {
            return getTranslation("supervisor.audit.noneProven");
        }
        return getTranslation("supervisor.audit.proven", ok.lastSigned().get().rows(), ok.signedHeads());
    }

    /** The newest signed head and how many rows came after it (cheap: no walk over the chain). */
    private void showSignedState() {
        Optional<SignedHead> last = audit.getObject().lastSignedHead();
        List<AuditEntry> newest = audit.getObject().recent(1, "");
        long rows = newest.isEmpty() ? 0 : newest.get(0).seq();
        if (last.isEmpty()) {
            signedState.setText(getTranslation("supervisor.audit.neverSigned", rows));
            return;
        }
        long since = Math.max(0, rows - last.get().rows());
        signedState.setText(getTranslation("supervisor.audit.lastSigned", last.get().rows(),
                MakTab.WHEN.format(last.get().signedAt()), since));
    }
}
