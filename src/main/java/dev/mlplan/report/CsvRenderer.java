package dev.mlplan.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as CSV for spreadsheets: one row per option, feasible ones ({@code kind=option}, ranked)
 * and eliminated ones ({@code kind=eliminated}, with the rule and the reason). Money in USD to the
 * cent, other numbers to at most 6 significant digits; written with Jackson CSV (RFC 4180 quoting).
 */
public final class CsvRenderer {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader().withLineSeparator("\n");

    private CsvRenderer() {}

    /** One CSV row; the column order is the header order. */
    @JsonPropertyOrder({"workload", "file", "part", "kind", "rank", "id", "service", "instanceType", "count", "region", "pricing", "hoursPerRun",
        "usdPerRun", "monthlyUsd", "upfrontUsd", "requestsPerSecondPerInstance", "latencyMsP99", "ttftMsP99", "tpotMsP99", "tokensPerSecondPerInstance", "rule", "reason",
        "occurrences", "notes"})
    public record Row(String workload, String file, String part, String kind, Integer rank, String id, String service, String instanceType,
            Integer count, String region, String pricing, BigDecimal hoursPerRun, BigDecimal usdPerRun, BigDecimal monthlyUsd,
            BigDecimal upfrontUsd, BigDecimal requestsPerSecondPerInstance, BigDecimal latencyMsP99, BigDecimal ttftMsP99, BigDecimal tpotMsP99,
            BigDecimal tokensPerSecondPerInstance,
            String rule, String reason, Integer occurrences, String notes) {}

    /** The column names, in order. */
    public static List<String> columns() {
        List<String> out = new ArrayList<>();
        SCHEMA.forEach(c -> out.add(c.getName()));
        return out;
    }

    public static String render(PlanResult plan) {
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(rows(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan as CSV: " + e.getOriginalMessage(), e);
        }
    }

    static List<Row> rows(PlanResult plan) {
        List<Row> rows = new ArrayList<>();
        for (WorkloadPlan w : plan.workloads()) {
            for (PartPlan p : w.parts()) {
                for (Option o : p.options()) {
                    rows.add(new Row(cell(w.name()), cell(w.file()), cell(p.label()), "option", o.rank(), o.id(), o.service().id(), o.instanceType(), o.count(), o.region(),
                            o.pricing().id(), sig(o.hoursPerRun()), cents(o.usdPerRun()), cents(o.monthlyUsd()), cents(o.upfrontUsd()),
                            sig(o.requestsPerSecondPerInstance()), sig(o.latencyMsP99()), sig(o.ttftMsP99()), sig(o.tpotMsP99()),
                            sig(o.tokensPerSecondPerInstance()), null, null, null,
                            o.notes() == null ? null : cell(String.join("; ", o.notes()))));
                }
                for (Elimination e : p.eliminated()) {
                    rows.add(new Row(cell(w.name()), cell(w.file()), cell(p.label()), "eliminated", null, null, e.service().id(), e.instanceType(), null, null, null, null,
                            null, null, null, null, null, null, null, null, e.rule(), cell(e.reason()), e.occurrences(), null));
                }
            }
        }
        return rows;
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
