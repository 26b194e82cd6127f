package dev.mlplan.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Spool;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as CSV for spreadsheets, in two typed sections: first every feasible option
 * ({@code rowType=option}, ranked), then every eliminated candidate ({@code rowType=eliminated}, with
 * the rule and the reason), so that a filter on the first column or the first rows alone never mixes
 * them. Each row names the catalog its prices come from ({@code catalogId}, {@code catalogPricesAsOf}).
 * Money in USD to the cent, other numbers to at most 6 significant digits; written with Jackson CSV
 * (RFC 4180 quoting). The header is stable (docs/design.md, "CSV").
 */
public final class CsvRenderer {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader().withLineSeparator("\n");

    private CsvRenderer() {}

    /** One CSV row; the column order is the header order. */
    @JsonPropertyOrder({"rowType", "workload", "file", "part", "rank", "id", "service", "instanceType", "count", "region", "pricing", "hoursPerRun",
        "usdPerRun", "monthlyUsd", "upfrontUsd", "requestsPerSecondPerInstance", "latencyMsP99", "ttftMsP99", "tpotMsP99", "tokensPerSecondPerInstance", "rule", "reason",
        "occurrences", "notes",
        "catalogId", "catalogPricesAsOf"})
    public record Row(String rowType, String workload, String file, String part, Integer rank, String id, String service, String instanceType,
            Integer count, String region, String pricing, BigDecimal hoursPerRun, BigDecimal usdPerRun, BigDecimal monthlyUsd,
            BigDecimal upfrontUsd, BigDecimal requestsPerSecondPerInstance, BigDecimal latencyMsP99, BigDecimal ttftMsP99, BigDecimal tpotMsP99,
            BigDecimal tokensPerSecondPerInstance,
            String rule, String reason, Integer occurrences, String notes, String catalogId, String catalogPricesAsOf) {}

    /** The column names, in order. */
    public static List<String> columns() {
        List<String> out = new ArrayList<>();
        SCHEMA.forEach(c -> out.add(c.getName()));
        return out;
    }

    public static String render(PlanResult plan) {
        return PlanWriter.render(plan, CsvRenderer::writer);
    }

    /**
     * Writes the rows into {@code out} one workload at a time ({@link PlanWriter}): the header and
     * each workload's options as it comes; the eliminated section, which follows every option, waits
     * in a {@link Spool} (a temporary file beyond a few MB) until the end.
     */
    public static PlanWriter writer(java.io.Writer out) {
        return new PlanWriter() {
            private com.fasterxml.jackson.databind.SequenceWriter options;
            private final Spool eliminated = new Spool();
            private String catalog;
            private String asOf;

            @Override
            public void begin(PlanResult head) throws java.io.IOException {
                catalog = head.catalog().id();
                asOf = head.catalog().pricesAsOf();
                options = MAPPER.writer(SCHEMA).writeValues(out);
            }

            @Override
            public void workload(WorkloadPlan w) throws java.io.IOException {
                Sections rows = rows(w, catalog, asOf);
                options.writeAll(rows.options());
                if (!rows.eliminated().isEmpty()) {
                    eliminated.append(MAPPER.writer(SCHEMA.withoutHeader()).writeValueAsString(rows.eliminated()));
                }
            }

            @Override
            public void end(PlanResult.Portfolio portfolio) throws java.io.IOException {
                try (eliminated) {
                    options.flush();
                    eliminated.copyTo(out);
                    out.flush();
                }
            }
        };
    }

    static List<Row> rows(PlanResult plan) {
        List<Row> rows = new ArrayList<>();
        List<Row> eliminated = new ArrayList<>();
        for (WorkloadPlan w : plan.workloads()) {
            Sections s = rows(w, plan.catalog().id(), plan.catalog().pricesAsOf());
            rows.addAll(s.options());
            eliminated.addAll(s.eliminated());
        }
        // the eliminated section after every option
        rows.addAll(eliminated);
        return rows;
    }

    /** One workload's rows of each section. */
    private record Sections(List<Row> options, List<Row> eliminated) {}

    private static Sections rows(WorkloadPlan w, String catalog, String asOf) {
        List<Row> rows = new ArrayList<>();
        List<Row> eliminated = new ArrayList<>();
        for (PartPlan p : w.parts()) {
            for (Option o : p.options()) {
                rows.add(new Row("option", cell(w.name()), cell(w.file()), cell(p.label()), o.rank(), o.id(), o.service().id(), o.instanceType(), o.count(), o.region(),
                        o.pricing().id(), sig(o.hoursPerRun()), cents(o.usdPerRun()), cents(o.monthlyUsd()), cents(o.upfrontUsd()),
                        sig(o.requestsPerSecondPerInstance()), sig(o.latencyMsP99()), sig(o.ttftMsP99()), sig(o.tpotMsP99()),
                        sig(o.tokensPerSecondPerInstance()), null, null, null,
                        o.notes() == null ? null : cell(String.join("; ", o.notes())), catalog, asOf));
            }
            for (Elimination e : p.eliminated()) {
                eliminated.add(new Row("eliminated", cell(w.name()), cell(w.file()), cell(p.label()), null, null, e.service().id(), e.instanceType(), null, null, null, null,
                        null, null, null, null, null, null, null, null, e.rule(), cell(e.reason()), e.occurrences(), null, catalog, asOf));
            }
        }
        return new Sections(rows, eliminated);
    }

    /**
     * A text cell a spreadsheet shows as text: one that starts with =, +, -, @, tab or CR (a formula
     * to Excel, LibreOffice and Google Sheets: OWASP "CSV Injection") gets a leading apostrophe.
     */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static BigDecimal cents(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sig(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_UP)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
