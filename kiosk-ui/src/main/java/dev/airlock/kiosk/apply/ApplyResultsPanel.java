package dev.airlock.kiosk.apply;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/** Apply's results section: the result files the collector's Apply wrote back on the stick, taken in one by one. */
final class ApplyResultsPanel extends VerticalLayout {
    final Span resultsInfo = new Span();
    final Button importResults = new Button();
    final ProgressBar resultsProgress = new ProgressBar();
    final Grid<FileOutcome> outcomes = new Grid<>(FileOutcome.class, false);
    final Paragraph resultsSummary = new Paragraph();

    private final ObjectProvider<Collect> intake;
    private final KioskSession session;
    private final BackgroundWork work;
    private final Supplier<Stick> stick;
    private final Consumer<String> error;
    private final Runnable imported;
    private final Runnable failed;

    /**
     * Takes results from the {@code stick} chosen now; problems go to {@code error}; {@code imported}
     * runs after the files were taken in, {@code failed} after that failed.
     */
    ApplyResultsPanel(ObjectProvider<Collect> intake, KioskSession session, BackgroundWork work,
            Supplier<Stick> stick, Consumer<String> error, Runnable imported, Runnable failed) {
        this.intake = intake;
        this.session = session;
        this.work = work;
        this.stick = stick;
        this.error = error;
        this.imported = imported;
        this.failed = failed;
        importResults.setId("apply-results-import");
        importResults.setText(getTranslation("apply.results.import"));
        importResults.setIcon(VaadinIcon.UPLOAD_ALT.create());
        importResults.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        importResults.addClickListener(e -> importResults());
        resultsProgress.setVisible(false);
        resultsProgress.setId("apply-results-progress");
        outcomes.setId("apply-results-outcomes");
        outcomes.addColumn(o -> getTranslation("apply.outcome." + o.kind().name()))
                .setHeader(getTranslation("apply.col.outcome")).setAutoWidth(true).setFlexGrow(0);
        outcomes.addColumn(o -> OutsideText.shown(o.file().getFileName().toString())).setHeader(getTranslation("apply.col.file"))
                .setAutoWidth(true);
        outcomes.addColumn(o -> OutsideText.shown(o.message())).setHeader(getTranslation("apply.col.message")).setFlexGrow(3);
        outcomes.setPartNameGenerator(o -> "apply-outcome-" + o.kind().name().toLowerCase(Locale.ROOT));
        outcomes.setHeight("14em");
        outcomes.setVisible(false);
        resultsSummary.setId("apply-results-summary");
        HorizontalLayout row = new HorizontalLayout(resultsInfo, importResults);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        add(row, resultsProgress, resultsSummary, outcomes);
        addClassName("apply-section");
        setPadding(false);
    }

    /** How many result files wait on {@code s} (null: no stick). */
    void showStick(Stick s) {
        boolean present = s != null;
        int results = present ? s.resultFiles() : 0;
        importResults.setEnabled(results > 0);
        resultsInfo.setText(!present ? getTranslation("apply.results.noStick")
                : results == 0 ? getTranslation("apply.results.none", s.label())
                : getTranslation("apply.results.waiting", results, s.label()));
    }

    void importResults() {
        Stick s = stick.get();
        if (s == null || s.resultFiles() == 0) {
            return;
        }
        UI ui = UI.getCurrent();
        int expected = Math.max(1, s.resultFiles());
        List<FileOutcome> seen = new ArrayList<>();
        outcomes.setItems(seen);
        outcomes.setVisible(true);
        resultsProgress.setVisible(true);
        resultsProgress.setValue(0);
        resultsSummary.setText(getTranslation("apply.results.working"));
        importResults.setEnabled(false);
        Path dir = StickLayout.Folder.RESULTS.on(s.root());
        java.util.Optional<StickLayout.OffTheStick> off = StickLayout.offTheStick(s.root(), dir);
        if (off.isPresent()) { // a linked folder could lead off the stick: not followed
            resultsProgress.setVisible(false);
            resultsSummary.setText(getTranslation("apply.results.offStick", off.get().shown()));
            importResults.setEnabled(true);
            return;
        }
        var actor = session.actor();
        Collect results = intake.getObject();
        work.<IntakeSummary>run(ui, progress -> results.ingest(List.of(dir), IntakeOptions.defaults(), actor, o -> {
            synchronized (seen) {
                seen.add(o);
                progress.report(Math.min(1.0, seen.size() / (double) expected),
                        OutsideText.shown(o.file().getFileName().toString()));
            }
        }), (fraction, text) -> {
            resultsProgress.setValue(Math.max(0, Math.min(1, fraction)));
            synchronized (seen) {
                outcomes.setItems(List.copyOf(seen));
            }
        }, summary -> {
            resultsProgress.setValue(1);
            synchronized (seen) {
                outcomes.setItems(List.copyOf(seen));
            }
            resultsSummary.setText(getTranslation("apply.results.done", summary.total(), summary.toString()));
            imported.run();
        }, e -> {
            resultsSummary.setText("");
            error.accept(getTranslation("apply.results.failed", Sentence.of(e)));
            failed.run();
        });
    }
}
