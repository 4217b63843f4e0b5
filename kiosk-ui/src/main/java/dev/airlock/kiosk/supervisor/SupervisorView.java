package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.SupervisorOnly;
import dev.airlock.kiosk.ui.MainLayout;
import java.util.List;

/**
 * The supervisor's screens as tabs (only the selected one is attached): MAK vault, trust, operators, backup, audit log,
 * settings, system update.
 * {@code supervisor/<tab>} (e.g. {@code supervisor/backup}) opens a tab directly.
 */
@Route(value = "supervisor", layout = MainLayout.class)
@SupervisorOnly
@PageTitle("Airlock · Supervisor")
public class SupervisorView extends VerticalLayout implements HasUrlParameter<String> {
    static final List<String> TABS = Routes.SUPERVISOR_TABS;

    final Tabs tabs = new Tabs();
    final Div content = new Div();
    private List<Component> contents;
    final MakTab mak;
    final TrustTab trust;
    final OperatorsTab operators;
    final BackupTab backup;
    final AuditTab audit;
    final SettingsTab settings;
    final UpdateTab update;

    public SupervisorView(MakTab mak, TrustTab trust, OperatorsTab operators, BackupTab backup, AuditTab audit,
            SettingsTab settings, UpdateTab update) {
        addClassNames("kiosk-view", "supervisor-view");
        this.mak = mak;
        this.trust = trust;
        this.operators = operators;
        this.backup = backup;
        this.audit = audit;
        this.settings = settings;
        this.update = update;
        configureTabs();
        add(new H1(getTranslation("supervisor.title")), tabs, content);
        setSizeFull();
    }

    private void configureTabs() {
        contents = List.of(mak, trust, operators, backup, audit, settings, update);
        for (String name : TABS) {
            Tab tab = new Tab(getTranslation("supervisor.tab." + name));
            tab.setId("supervisor-tab-" + name);
            tabs.add(tab);
        }
        tabs.setWidthFull();
        tabs.addClassName("supervisor-tabs");
        content.setWidthFull();
        content.addClassName("supervisor-content");
        show(0);
        tabs.addSelectedChangeListener(e -> {
            int index = tabs.getSelectedIndex();
            show(index);
            if (e.isFromClient() && index >= 0) {
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "supervisor/" + TABS.get(index)));
            }
        });
    }

    private void show(int index) {
        content.removeAll();
        if (index < 0) {
            return;
        }
        content.add(contents.get(index));
        if (index == TABS.indexOf("trust")) {
            trust.showCard();
        }
    }

    /** Selects the tab named in the URL ({@code supervisor/trust}); none or unknown: the first. */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String tab) {
        select(tab == null ? TABS.get(0) : tab);
    }

    /** Selects the tab called {@code name} (one of {@link #TABS}). */
    void select(String name) {
        int index = Math.max(0, TABS.indexOf(name));
        if (tabs.getSelectedIndex() == index) {
            show(index);
        } else {
            tabs.setSelectedIndex(index);
        }
    }
}
