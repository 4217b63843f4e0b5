package dev.airlock.kiosk.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.gateway.Gateway;
import java.util.List;

/** A gateway's dashboard: what its cache holds and the labs it trusts. */
final class GatewaySummary extends Div {
    GatewaySummary() {
        addClassName("home-gateway");
    }

    /** Shows the cache counts {@code c} and the trusted {@code labs}. */
    void show(Gateway.CacheSummary c, List<TrustedPeer> labs) {
        removeAll();
        add(Facts.fact("home-cids", getTranslation("home.gateway.cids"), c.cids()),
                Facts.fact("home-errors", getTranslation("home.gateway.errors"), c.errors()),
                Facts.fact("home-inflight", getTranslation("home.gateway.inFlight"), c.inFlight()));
        Div list = new Div();
        list.setId("home-trusted-labs");
        list.addClassName("home-labs");
        list.add(new H2(getTranslation("home.gateway.labs", labs.size())));
        for (TrustedPeer p : labs) {
            Div row = new Div(new Span(p.label()), new Span(" · " + p.fingerprint()));
            row.addClassName("home-lab");
            list.add(row);
        }
        if (labs.isEmpty()) {
            list.add(new Span(getTranslation("home.gateway.noLabs")));
        }
        add(list);
    }
}
