package dev.mlplan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.Alternative;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Budget;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PlanResult} as the JSON contract with Jackson's streaming generator: the same
 * bytes as data binding with the annotations on {@link PlanResult} (field order, what is left out when
 * null or empty) and {@link JsonRenderer}'s number rule, without data binding's start-up cost (about
 * 80 ms of a {@code recommend --format json}, docs/performance.md). Tests compare the two on every
 * example workload and on plans with nulls and empty lists; data binding stays the reference.
 *
 * <p>Null entries in lists are written as null, as data binding writes them (a plan read back from
 * a hand-edited file can hold them). A value of a type this writer does not know (only possible in a
 * {@code requirements} map read back from a file) makes it give up with {@link Unsupported}, and
 * {@link JsonRenderer} then uses data binding.
 */
final class PlanJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Thrown when a value is outside what this writer handles. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final JsonGenerator g;

    private PlanJsonWriter(JsonGenerator g) {
        this.g = g;
    }

    /** The indented JSON of the plan, without the final newline. */
    static String write(PlanResult plan) throws Unsupported {
        StringWriter out = new StringWriter(1 << 14);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(prettyPrinter());
            new PlanJsonWriter(g).plan(plan);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render plan as JSON: " + e.getMessage(), e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The pretty printer of the contract: two-space object indentation, Jackson's default arrays. */
    static DefaultPrettyPrinter prettyPrinter() {
        return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /**
     * The number rule of the contract: at most 10 significant digits, trailing zeros stripped, whole
     * numbers below 10^16 without an exponent; NaN and infinities as null (see {@link JsonRenderer}).
     */
    static BigDecimal stable(double value) {
        BigDecimal bd = tenDigits(value);
        if (bd == null) {
            bd = new BigDecimal(value).round(new MathContext(10));
        }
        bd = bd.stripTrailingZeros();
        if (bd.scale() < 0 && bd.precision() - bd.scale() <= 16) {
            bd = bd.setScale(0);
        }
        return bd;
    }

    /**
     * {@code new BigDecimal(value).round(new MathContext(10))} by double arithmetic, where it gives the
     * same digits provably, or null: BigDecimal's exact expansion and rounding are slow in a cold JVM
     * (docs/performance.md, round 5). {@code |value| × 10^k}, scaled to ten digits before the point,
     * is within a rounding error (half an ulp, ~1e-6 there) of the exact product; farther than 1e-5
     * from a half, both round half-up alike. Null for zero, a product near a half, or a scale beyond
     * the powers of ten a double holds exactly. PlanJsonWriterTest compares the two.
     */
    static BigDecimal tenDigits(double value) {
        double a = Math.abs(value);
        if (!(a > 0) || Double.isInfinite(a)) {
            return null;
        }
        int k = 9 - (int) Math.floor(Math.log10(a));
        for (int attempt = 0; attempt < 2; attempt++) {
            if (k < -22 || k > 22) {
                return null;
            }
            double scaled = k >= 0 ? a * dev.mlplan.util.Fmt.pow10(k) : a / dev.mlplan.util.Fmt.pow10(-k);
            if (scaled < 1e9) {
                k++; // log10 was a little off at a power of ten
                continue;
            }
            if (scaled >= 1e10) {
                k--;
                continue;
            }
            double whole = Math.floor(scaled);
            double fraction = scaled - whole;
            if (Math.abs(fraction - 0.5) <= 1e-5) {
                return null;
            }
            long r = (long) whole + (fraction > 0.5 ? 1 : 0);
            if (r == 10_000_000_000L) {
                r = 1_000_000_000L; // 9999999999.7 rounds to 1.000000000 × 10^(e+1)
                k--;
            }
            return BigDecimal.valueOf(value < 0 ? -r : r, k);
        }
        return null;
    }

    private void plan(PlanResult p) throws IOException, Unsupported {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", p.schemaVersion());
        string("mlplanVersion", p.mlplanVersion());
        if (p.catalog() == null) {
            g.writeNullField("catalog");
        } else {
            g.writeObjectFieldStart("catalog");
            string("id", p.catalog().id());
            string("pricesAsOf", p.catalog().pricesAsOf());
            string("source", p.catalog().source());
            g.writeEndObject();
        }
        list("workloads", p.workloads(), Include.ALWAYS, Kind.WORKLOAD);
        g.writeEndObject();
    }

    /** {@code @JsonInclude(NON_EMPTY)}, monthlyUsd always. */
    private void workload(WorkloadPlan w) throws IOException, Unsupported {
        g.writeStartObject();
        nonEmpty("name", w.name());
        nonEmpty("file", w.file());
        nonEmpty("description", w.description());
        list("regions", w.regions(), Include.NON_EMPTY, Kind.STRING);
        list("parts", w.parts(), Include.NON_EMPTY, Kind.PART);
        list("breakEven", w.breakEven(), Include.NON_EMPTY, Kind.BREAK_EVEN);
        number("monthlyUsd", w.monthlyUsd());
        if (w.budget() != null) {
            budget(w.budget());
        }
        list("warnings", w.warnings(), Include.NON_EMPTY, Kind.STRING);
        g.writeEndObject();
    }

    /** Default inclusion; assumptions NON_EMPTY. */
    private void part(PartPlan p) throws IOException, Unsupported {
        g.writeStartObject();
        string("part", p.part());
        g.writeFieldName("requirements");
        value(p.requirements());
        list("options", p.options(), Include.ALWAYS, Kind.OPTION);
        list("eliminated", p.eliminated(), Include.ALWAYS, Kind.ELIMINATION);
        list("assumptions", p.assumptions(), Include.NON_EMPTY, Kind.STEP);
        g.writeNumberField("considered", p.considered());
        g.writeNumberField("feasible", p.feasible());
        g.writeEndObject();
    }

    private void elimination(Elimination e) throws IOException {
        g.writeStartObject();
        string("service", e.service());
        string("instanceType", e.instanceType());
        string("rule", e.rule());
        string("reason", e.reason());
        g.writeNumberField("occurrences", e.occurrences());
        g.writeEndObject();
    }

    /** {@code @JsonInclude(NON_NULL)}; alternatives and estimate NON_EMPTY. */
    private void option(Option o) throws IOException, Unsupported {
        g.writeStartObject();
        g.writeNumberField("rank", o.rank());
        nonNull("id", o.id());
        nonNull("service", o.service());
        nonNull("instanceType", o.instanceType());
        g.writeNumberField("count", o.count());
        nonNull("region", o.region());
        nonNull("pricing", o.pricing());
        nonNullNumber("hoursPerRun", o.hoursPerRun());
        nonNullNumber("requestsPerSecondPerInstance", o.requestsPerSecondPerInstance());
        nonNullNumber("latencyMsP99", o.latencyMsP99());
        nonNullNumber("tokensPerSecondPerInstance", o.tokensPerSecondPerInstance());
        nonNullNumber("usdPerRun", o.usdPerRun());
        number("monthlyUsd", o.monthlyUsd());
        nonNullNumber("upfrontUsd", o.upfrontUsd());
        list("costs", o.costs(), Include.NON_NULL, Kind.COST);
        list("notes", o.notes(), Include.NON_NULL, Kind.STRING);
        list("alternatives", o.alternatives(), Include.NON_EMPTY, Kind.ALTERNATIVE);
        list("estimate", o.estimate(), Include.NON_EMPTY, Kind.STEP);
        g.writeEndObject();
    }

    private void cost(CostComponent c) throws IOException {
        g.writeStartObject();
        string("name", c.name());
        string("unit", c.unit());
        number("quantity", c.quantity());
        number("unitPriceUsd", c.unitPriceUsd());
        number("monthlyUsd", c.monthlyUsd());
        string("source", c.source());
        g.writeEndObject();
    }

    private void alternative(Alternative a) throws IOException {
        g.writeStartObject();
        string("pricing", a.pricing());
        string("region", a.region());
        number("monthlyUsd", a.monthlyUsd());
        string("id", a.id());
        g.writeEndObject();
    }

    /** {@code @JsonInclude(NON_NULL)}. */
    private void breakEven(BreakEvenResult b) throws IOException {
        g.writeStartObject();
        nonNull("local", b.local());
        nonNull("versus", b.versus());
        nonNullNumber("hoursPerMonth", b.hoursPerMonth());
        nonNullNumber("localHoursPerMonth", b.localHoursPerMonth());
        nonNullNumber("speedRatio", b.speedRatio());
        nonNullNumber("workloadLocalHoursPerMonth", b.workloadLocalHoursPerMonth());
        nonNullNumber("localMonthlyUsd", b.localMonthlyUsd());
        nonNullNumber("cloudMonthlyUsd", b.cloudMonthlyUsd());
        nonNull("cheaper", b.cheaper());
        nonNull("formula", b.formula());
        g.writeEndObject();
    }

    /** {@code @JsonInclude(NON_NULL)}. */
    private void budget(Budget b) throws IOException {
        g.writeObjectFieldStart("budget");
        nonNullNumber("monthlyUsd", b.monthlyUsd());
        nonNullNumber("warnAtUsd", b.warnAtUsd());
        nonNull("status", b.status());
        nonNull("reason", b.reason());
        g.writeEndObject();
    }

    private void step(Step s) throws IOException {
        g.writeStartObject();
        string("name", s.name());
        string("value", s.value());
        string("basis", s.basis());
        g.writeEndObject();
    }

    /** When a list field is left out, as the {@code @JsonInclude} on it says. */
    private enum Include {
        /** never: a null list is written as null */
        ALWAYS,
        /** when null */
        NON_NULL,
        /** when null or empty */
        NON_EMPTY
    }

    /**
     * What the entries of a list are, for {@link #element}: a switch rather than a method reference
     * per list, as each lambda or method reference costs ~75 µs at its first run in a cold JVM
     * (docs/performance.md).
     */
    private enum Kind {
        STRING, WORKLOAD, PART, BREAK_EVEN, OPTION, ELIMINATION, COST, ALTERNATIVE, STEP
    }

    /** A list field: null entries as null (as data binding writes them), the others by {@link #element}. */
    private void list(String field, List<?> values, Include include, Kind kind) throws IOException, Unsupported {
        if (values == null) {
            if (include == Include.ALWAYS) {
                g.writeNullField(field);
            }
            return;
        }
        if (values.isEmpty() && include == Include.NON_EMPTY) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Object v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                element(kind, v);
            }
        }
        g.writeEndArray();
    }

    /** Writes one non-null list entry of the given kind. */
    private void element(Kind kind, Object v) throws IOException, Unsupported {
        switch (kind) {
            case STRING -> g.writeString((String) v);
            case WORKLOAD -> workload((WorkloadPlan) v);
            case PART -> part((PartPlan) v);
            case BREAK_EVEN -> breakEven((BreakEvenResult) v);
            case OPTION -> option((Option) v);
            case ELIMINATION -> elimination((Elimination) v);
            case COST -> cost((CostComponent) v);
            case ALTERNATIVE -> alternative((Alternative) v);
            case STEP -> step((Step) v);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private void string(String field, String value) throws IOException {
        g.writeStringField(field, value); // writes null for null
    }

    private void nonNull(String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /** NON_EMPTY for a string: neither null nor "". */
    private void nonEmpty(String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(field, value);
        }
    }

    private void number(String field, Double value) throws IOException {
        g.writeFieldName(field);
        number(value);
    }

    private void nonNullNumber(String field, Double value) throws IOException {
        if (value != null) {
            number(field, value);
        }
    }

    private void number(Double value) throws IOException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            g.writeNull();
        } else {
            g.writeNumber(stable(value));
        }
    }

    /** An untyped value, as data binding writes it. */
    private void value(Object v) throws IOException, Unsupported {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Double d) {
            number(d);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new Unsupported("map key " + e.getKey());
                }
                g.writeFieldName(key);
                value(e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(o);
            }
            g.writeEndArray();
        } else {
            throw new Unsupported(v.getClass().getName());
        }
    }
}
