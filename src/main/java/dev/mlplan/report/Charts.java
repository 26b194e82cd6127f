package dev.mlplan.report;

import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data behind the report charts, derived from the plan only, so that the Markdown (Mermaid) and
 * HTML (SVG) charts show the same numbers.
 */
final class Charts {
    private Charts() {}

    /** A bar chart: one bar per option. */
    record Bars(String title, List<String> labels, List<Double> values) {}

    /** A straight line from (0, y0) to (xMax, y1). */
    record Line(String name, double y0, double y1) {
        double at(double x, double xMax) {
            return y0 + (y1 - y0) * x / xMax;
        }
    }

    /** A point where a cloud line crosses the local line. */
    record Point(String label, double x, double y) {}

    /**
     * Monthly cost against local working hours per month: the owned machine's line (fixed cost plus
     * power per hour), one line per cloud option (its price per hour of equivalent work; flat for a
     * commitment), the break-even points and this workload's hours.
     */
    record BreakEvenChart(String title, double xMax, double yMax, double workloadHours, List<Line> lines, List<Point> points) {}

    /** A named series of (x, y) points. */
    record Series(String name, List<double[]> points) {}

    /**
     * A sweep's chart: the monthly cost of each leading option against the swept value (in FROM's
     * unit), on log axes when the sweep is geometric, with the crossovers marked.
     */
    record SweepChart(String title, String xLabel, double xMin, double xMax, boolean log, List<Series> series, List<Double> crossovers) {}

    static Bars optionCosts(PartPlan p) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Option o : p.options()) {
            labels.add("#" + o.rank() + " " + (o.instanceType() == null ? o.service().id() : o.instanceType()) + (o.count() > 1 ? " × " + o.count() : "")
                    + " " + o.pricing().id());
            values.add(o.monthlyUsd());
        }
        return new Bars(p.label() + ": monthly cost per option (USD)", labels, values);
    }

    /**
     * Work measured in local working hours L: local = fixed + power × L; cloud = L × (its cost per
     * local hour's work). The plan gives, per comparison, this workload's L and both monthly costs,
     * and L at break-even; the local line is the line through those points. Empty when the plan
     * does not pin the local line down (no break-even point, or the model does not fit locally).
     */
    static Optional<BreakEvenChart> breakEven(WorkloadPlan w) {
        List<BreakEvenResult> all = new ArrayList<>();
        for (BreakEvenResult b : w.breakEven()) {
            if (b.localMonthlyUsd() != null && b.cloudMonthlyUsd() != null && b.workloadLocalHoursPerMonth() != null
                    && b.workloadLocalHoursPerMonth() > 0) {
                all.add(b);
            }
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        double hours = all.get(0).workloadLocalHoursPerMonth();
        double localAtW = all.get(0).localMonthlyUsd();
        BreakEvenResult anchor = null;
        for (BreakEvenResult b : all) {
            if (b.localHoursPerMonth() != null && !commitment(b) && Math.abs(b.localHoursPerMonth() - hours) > 1e-6
                    && (anchor == null || Math.abs(b.localHoursPerMonth() - hours) > Math.abs(anchor.localHoursPerMonth() - hours))) {
                anchor = b;
            }
        }
        if (anchor == null) {
            return Optional.empty();
        }
        double hb = anchor.localHoursPerMonth();
        double atHb = anchor.cloudMonthlyUsd() / hours * hb;
        double power = (localAtW - atHb) / (hours - hb);
        double fixed = localAtW - power * hours;
        if (!(power >= -1e-9) || !(fixed >= -1e-6)) {
            return Optional.empty();
        }
        power = Math.max(0, power);
        fixed = Math.max(0, fixed);
        double xMax = hours;
        for (BreakEvenResult b : all) {
            if (b.localHoursPerMonth() != null) {
                xMax = Math.max(xMax, b.localHoursPerMonth());
            }
        }
        xMax = niceCeil(xMax * 1.25);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("own " + w.breakEven().get(0).local(), fixed, fixed + power * xMax));
        List<Point> points = new ArrayList<>();
        for (BreakEvenResult b : all) {
            if (commitment(b)) {
                lines.add(new Line(b.versus(), b.cloudMonthlyUsd(), b.cloudMonthlyUsd()));
            } else {
                double rate = b.cloudMonthlyUsd() / hours;
                lines.add(new Line(b.versus(), 0, rate * xMax));
                if (b.localHoursPerMonth() != null) {
                    points.add(new Point(b.versus(), b.localHoursPerMonth(), rate * b.localHoursPerMonth()));
                }
            }
        }
        double yMax = 0;
        for (Line l : lines) {
            yMax = Math.max(yMax, Math.max(l.y0(), l.y1()));
        }
        return Optional.of(new BreakEvenChart("owning " + w.breakEven().get(0).local() + " vs renting: monthly cost (USD) by local working hours per month",
                xMax, niceCeil(yMax), hours, List.copyOf(lines), List.copyOf(points)));
    }

    private static boolean commitment(BreakEvenResult b) {
        return b.formula() != null && b.formula().startsWith("a commitment");
    }

    /** One option on the cost/time chart: on the frontier, or one of the ranked options shown that is not. */
    record Dot(String label, double hours, double monthlyUsd, boolean onFrontier) {}

    /**
     * Monthly cost against hours per run for a part with a frontier (--frontier): the frontier's points,
     * fastest first, to be joined, and the ranked options shown that are not on it, as dots.
     */
    record FrontierChart(String title, double xMax, double yMax, List<Dot> dots) {
        List<Dot> frontier() {
            return dots.stream().filter(Dot::onFrontier).toList();
        }
    }

    static Optional<FrontierChart> frontier(PartPlan p) {
        if (p.frontier() == null || p.frontier().isEmpty()) {
            return Optional.empty();
        }
        List<Dot> dots = new ArrayList<>();
        for (var f : p.frontier()) {
            dots.add(new Dot("#" + f.rank() + " " + PlanText.resource(f) + " " + f.pricing().id(), f.hoursPerRun(), f.monthlyUsd(), true));
        }
        var onFrontier = p.frontier().stream().map(f -> f.id()).collect(java.util.stream.Collectors.toSet());
        for (Option o : p.options()) {
            if (o.hoursPerRun() != null && !onFrontier.contains(o.id())) {
                dots.add(new Dot("#" + o.rank() + " " + PlanText.resource(o) + " " + o.pricing().id(), o.hoursPerRun(), o.monthlyUsd(), false));
            }
        }
        double xMax = niceCeil(dots.stream().mapToDouble(Dot::hours).max().orElse(1) * 1.05);
        double yMax = niceCeil(dots.stream().mapToDouble(Dot::monthlyUsd).max().orElse(1) * 1.05);
        return Optional.of(new FrontierChart(p.label() + ": monthly cost (USD) against hours per run; the frontier joined", xMax, yMax, List.copyOf(dots)));
    }

    /** The largest of the values (NaN if one is), or {@code empty} when there are none. */
    static double max(List<Double> values, double empty) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(empty);
    }

    /** The smallest 1, 2, 2.5 or 5 × 10^k at or above v. */
    static double niceCeil(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double exp = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * exp >= v - 1e-9) {
                return m * exp;
            }
        }
        return 10 * exp;
    }
}
