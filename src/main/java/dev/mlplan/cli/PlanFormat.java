package dev.mlplan.cli;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.report.CsvRenderer;
import dev.mlplan.report.HtmlRenderer;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.report.MarkdownRenderer;
import dev.mlplan.report.PlanWriter;
import dev.mlplan.report.TableRenderer;

/** The formats a plan renders to; every one renders the same {@link PlanResult}. */
enum PlanFormat {
    table, json, csv, markdown, html;

    String render(PlanResult plan, boolean color) {
        return render(plan, color, false);
    }

    /** @param quiet {@code --quiet}: the table leaves out the "warning:" lines (the other formats are data, and keep them) */
    String render(PlanResult plan, boolean color, boolean quiet) {
        return PlanWriter.render(plan, out -> writer(out, color, quiet));
    }

    /** A writer of this format into {@code out}, one workload at a time (the same output as {@link #render(PlanResult, boolean, boolean)}). */
    PlanWriter writer(java.io.Writer out, boolean color, boolean quiet) {
        return switch (this) {
            case table -> new TableRenderer(color, !quiet).writer(out);
            case json -> JsonRenderer.writer(out);
            case csv -> CsvRenderer.writer(out);
            case markdown -> MarkdownRenderer.writer(out);
            case html -> HtmlRenderer.writer(out);
        };
    }
}
