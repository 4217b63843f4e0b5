package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.ledger.InboundBundle;
import dev.airlock.appliance.ledger.OutboundBundle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The bundle ledger, as {@code airlock bundles list} shows it: what is still out, the requests
 * written (newest first, with their answered and open records) and the responses merged.
 */
public final class BundlesList extends Div {
    /** Rows shown per list; older ones are counted. */
    public static final int SHOWN = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public final Paragraph outstanding = new Paragraph();
    public final Div requests = new Div();
    public final Div responses = new Div();
    private final ObjectProvider<BundleLedger> ledger;

    public BundlesList(ObjectProvider<BundleLedger> ledger) {
        this.ledger = ledger;
        setId("bundles");
        addClassName("bundles-list");
        outstanding.setId("bundles-outstanding");
        outstanding.addClassName("bundles-outstanding");
        requests.setId("bundles-requests");
        responses.setId("bundles-responses");
        add(outstanding, new H3(getTranslation("bundles.requests")), requests,
                new H3(getTranslation("bundles.responses")), responses);
        refresh();
    }

    /** "2 requests still out (38 products) since 2026-12-01 10:00", or that nothing is out. */
    public static String outstandingText(com.vaadin.flow.component.Component c, BundleLedger.Outstanding o,
            boolean anyWritten) {
        if (o.requests() == 0) {
            return c.getTranslation(anyWritten ? "bundles.nothingOut" : "bundles.noneYet");
        }
        return c.getTranslation("bundles.stillOut", o.requests(), o.records(),
                o.since().map(WHEN::format).orElse(""));
    }

    /** Reads the ledger again and redraws. */
    public void refresh() {
        BundleLedger.Listing listing = ledger.getObject().list();
        outstanding.setText(outstandingText(this, listing.outstanding(), !listing.outbound().isEmpty()));
        outstanding.getElement().setAttribute("data-out", String.valueOf(listing.outstanding().requests()));
        requests.removeAll();
        responses.removeAll();
        List<OutboundBundle> out = listing.outbound().reversed();
        out.stream().limit(SHOWN).forEach(b -> requests.add(row("bundles-request", b.state().name(),
                getTranslation("bundles.request", shortId(b.id()), when(b.created()), b.exportedBy(), b.records(),
                        b.answered(), b.open(), getTranslation("bundles.state." + b.state().name()), b.fileName()))));
        more(requests, out.size());
        if (out.isEmpty()) {
            requests.add(new Span(getTranslation("bundles.noRequests")));
        }
        List<InboundBundle> in = listing.inbound().reversed();
        in.stream().limit(SHOWN).forEach(b -> responses.add(row("bundles-response", "MERGED",
                getTranslation("bundles.response", shortId(b.id()), shortId(b.requestId()), when(b.merged()),
                        b.mergedBy(), b.cids(), b.errors(), b.skipped()))));
        more(responses, in.size());
        if (in.isEmpty()) {
            responses.add(new Span(getTranslation("bundles.noResponses")));
        }
    }

    private void more(Div list, int size) {
        if (size > SHOWN) {
            list.add(new Span(getTranslation("bundles.older", size - SHOWN)));
        }
    }

    private static Div row(String className, String state, String text) {
        Div row = new Div(new Span(text));
        row.addClassNames(className, "bundles-row");
        row.getElement().setAttribute("data-state", state);
        return row;
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String when(Instant t) {
        return WHEN.format(t);
    }
}
