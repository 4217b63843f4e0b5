package dev.airlock.kiosk.collect;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.airlock.appliance.collect.FileOutcome;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.kiosk.ui.Sentence;

/** How an intake of the stick goes: its progress bar and text, then its summary and the hint about unchanged files. */
final class IntakeProgress {
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span summary = new Span();
    final Paragraph unchangedHint = new Paragraph();

    IntakeProgress() {
        progress.setId("collect-progress");
        progress.setVisible(false);
        progressText.addClassName("collect-progress-text");
        summary.setId("collect-summary");
        summary.addClassName("collect-summary");
        unchangedHint.setId("collect-unchanged-hint");
        unchangedHint.addClassName("collect-hint");
        unchangedHint.setVisible(false);
    }

    /** An intake of {@code expected} files starts (0: unknown). */
    void start(int expected) {
        summary.setText("");
        unchangedHint.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(expected <= 0);
        progress.setValue(0);
        progressText.setText(summary.getTranslation("collect.running"));
    }

    void show(double fraction, int expected) {
        if (fraction >= 0) {
            progress.setIndeterminate(false);
            progress.setValue(fraction);
            progressText.setText(summary.getTranslation("collect.progress", Math.round(fraction * expected),
                    expected));
        }
    }

    /** The intake is over: what it took in, and a hint when files were unchanged. */
    void finish(IntakeSummary result) {
        progress.setIndeterminate(false);
        progress.setValue(1);
        progressText.setText("");
        summary.setText(summary.getTranslation("collect.summary", result.total(),
                result.get(FileOutcome.Kind.ACCEPTED), result.get(FileOutcome.Kind.UPDATED),
                result.get(FileOutcome.Kind.UNCHANGED), result.get(FileOutcome.Kind.REJECTED)));
        summary.getElement().setAttribute("data-rejected", String.valueOf(result.anyRejected()));
        long unchanged = result.get(FileOutcome.Kind.UNCHANGED);
        unchangedHint.setText(summary.getTranslation("collect.unchangedHint", unchanged));
        unchangedHint.setVisible(unchanged > 0);
    }

    void failed(Exception error) {
        progress.setVisible(false);
        summary.setText(summary.getTranslation("collect.failed", Sentence.of(error)));
    }
}
