package dev.mlplan.report;

import dev.mlplan.util.Fmt;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report: no scripts, no external fonts or styles, fixed number
 * formats so the markup is byte-stable. Option costs are horizontal bars (the option labels are
 * long: one a row, never rotated); every chart with lines has a legend under its plot.
 */
final class Svg {
    /** Series colours, distinguishable in print and for common colour-vision deficiencies (Okabe–Ito). */
    static final List<String> COLORS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    private static final int WIDTH = 760;
    /** The line charts' layout: margins, plot size, the x axis band and one legend line, in px. */
    private static final int LEFT = 80;
    private static final int TOP = 34;
    private static final int PLOT_H = 300;
    private static final int AXIS_H = 50;
    private static final int LEGEND_LINE = 20;
    private static final int PLOT_W = WIDTH - LEFT - 20;

    private Svg() {}

    /** Horizontal bars, one per option, the value at the end of each bar. */
    static String bars(Charts.Bars b) {
        int labelW = 300;
        int barH = 22;
        int gap = 8;
        int top = 30;
        int plotW = WIDTH - labelW - 110;
        int height = top + b.values().size() * (barH + gap) + 10;
        double max = Charts.niceCeil(Charts.max(b.values(), 1));
        StringBuilder sb = open("bars", b.title(), height);
        for (int i = 0; i < b.values().size(); i++) {
            double v = b.values().get(i);
            int y = top + i * (barH + gap);
            double w = max > 0 ? Math.max(1, v / max * plotW) : 1;
            sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\" class=\"label\">")
                    .append(HtmlRenderer.esc(shorten(b.labels().get(i), 44))).append("</text>\n");
            sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"").append(f(w)).append("\" height=\"").append(barH)
                    .append("\" fill=\"").append(i == 0 ? COLORS.get(0) : "#7FA7C9").append("\"><title>").append(HtmlRenderer.esc(b.labels().get(i)))
                    .append(": ").append(Fmt.usd(v)).append("/month</title></rect>\n");
            sb.append("<text x=\"").append(f(labelW + w + 6)).append("\" y=\"").append(y + 15).append("\" class=\"value\">").append(Fmt.usd(v))
                    .append("</text>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Monthly cost lines against local working hours, break-even points, and this workload's hours. */
    static String breakEven(Charts.BreakEvenChart c) {
        int height = TOP + PLOT_H + AXIS_H + LEGEND_LINE * c.lines().size() + 10;
        StringBuilder sb = open("break-even", c.title(), height);
        frame(sb, i -> Fmt.usd(c.yMax() * i / TICKS).replace(".00", ""), i -> Fmt.count(c.xMax() * i / TICKS),
                "local working hours per month");
        double wx = LEFT + PLOT_W * c.workloadHours() / c.xMax();
        sb.append("<line x1=\"").append(f(wx)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(wx)).append("\" y2=\"").append(TOP + PLOT_H)
                .append("\" class=\"marker\"/>\n");
        sb.append("<text x=\"").append(f(wx + 4)).append("\" y=\"").append(TOP + 12).append("\" class=\"tick\">this workload: ")
                .append(Fmt.sig(c.workloadHours())).append(" h</text>\n");
        for (int i = 0; i < c.lines().size(); i++) {
            Charts.Line l = c.lines().get(i);
            String color = COLORS.get(i % COLORS.size());
            double y0 = TOP + PLOT_H - PLOT_H * l.y0() / c.yMax();
            double y1 = TOP + PLOT_H - PLOT_H * l.y1() / c.yMax();
            sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(y0)).append("\" x2=\"").append(LEFT + PLOT_W).append("\" y2=\"")
                    .append(f(y1)).append("\" stroke=\"").append(color).append("\" stroke-width=\"").append(i == 0 ? "3" : "2").append('"')
                    .append(i == 0 ? "" : " stroke-dasharray=\"" + (i % 2 == 1 ? "none" : "6 3") + "\"").append("><title>").append(HtmlRenderer.esc(l.name()))
                    .append("</title></line>\n");
            int ly = TOP + PLOT_H + AXIS_H + i * LEGEND_LINE;
            legend(sb, ly, color, l.name());
        }
        for (Charts.Point p : c.points()) {
            double x = LEFT + PLOT_W * p.x() / c.xMax();
            double y = TOP + PLOT_H - PLOT_H * p.y() / c.yMax();
            sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"5\" class=\"point\"><title>break-even vs ")
                    .append(HtmlRenderer.esc(p.label())).append(": ").append(Fmt.sig(p.x())).append(" local h/month, ").append(Fmt.usd(p.y()))
                    .append("/month</title></circle>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** A sweep: each leading option's monthly cost against the swept value (log axes for a geometric sweep), crossovers dashed. */
    static String sweep(Charts.SweepChart c) {
        int height = TOP + PLOT_H + AXIS_H + LEGEND_LINE * c.series().size() + 10;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        for (Charts.Series s : c.series()) {
            for (double[] p : s.points()) {
                yMax = Math.max(yMax, p[1]);
                if (p[1] > 0) {
                    yMin = Math.min(yMin, p[1]);
                }
            }
        }
        boolean log = c.log() && yMin < Double.POSITIVE_INFINITY;
        double y0 = log ? Math.pow(10, Math.floor(Math.log10(yMin))) : 0;
        double y1 = log ? Math.pow(10, Math.ceil(Math.log10(Math.max(yMax, y0 * 10)))) : Charts.niceCeil(yMax);
        double xLo = Math.min(c.xMin(), c.xMax());
        double xHi = Math.max(c.xMin(), c.xMax());
        java.util.function.DoubleUnaryOperator px = x -> LEFT + PLOT_W * (c.log() ? Math.log(x / xLo) / Math.log(xHi / xLo) : (x - xLo) / (xHi - xLo));
        java.util.function.DoubleUnaryOperator py = y -> TOP + PLOT_H - PLOT_H * (log ? Math.log(Math.max(y, y0) / y0) / Math.log(y1 / y0) : (y - y0) / (y1 - y0));
        StringBuilder sb = open("sweep", c.title(), height);
        frame(sb, i -> {
            double t = (double) i / TICKS;
            double yv = log ? y0 * Math.pow(y1 / y0, t) : y0 + (y1 - y0) * t;
            return log ? "$" + Fmt.sig(yv) : Fmt.usd(yv);
        }, i -> {
            double t = (double) i / TICKS;
            return Fmt.sig(c.log() ? xLo * Math.pow(xHi / xLo, t) : xLo + (xHi - xLo) * t);
        }, c.xLabel());
        for (double x : c.crossovers()) {
            double cx = px.applyAsDouble(x);
            sb.append("<line x1=\"").append(f(cx)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(cx)).append("\" y2=\"").append(TOP + PLOT_H)
                    .append("\" class=\"marker\"><title>crossover at ").append(Fmt.sig(x)).append("</title></line>\n");
        }
        for (int i = 0; i < c.series().size(); i++) {
            Charts.Series s = c.series().get(i);
            String color = COLORS.get(i % COLORS.size());
            StringBuilder pts = new StringBuilder();
            for (double[] p : s.points()) {
                pts.append(pts.length() == 0 ? "" : " ").append(f(px.applyAsDouble(p[0]))).append(',').append(f(py.applyAsDouble(p[1])));
            }
            sb.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"3\"><title>")
                    .append(HtmlRenderer.esc(s.name())).append("</title></polyline>\n");
            for (double[] p : s.points()) {
                sb.append("<circle cx=\"").append(f(px.applyAsDouble(p[0]))).append("\" cy=\"").append(f(py.applyAsDouble(p[1]))).append("\" r=\"3\" fill=\"")
                        .append(color).append("\"><title>").append(HtmlRenderer.esc(s.name())).append(" at ").append(Fmt.sig(p[0])).append(": ")
                        .append(Fmt.usd(p[1])).append("/month</title></circle>\n");
            }
            int ly = TOP + PLOT_H + AXIS_H + i * LEGEND_LINE;
            legend(sb, ly, color, s.name());
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Monthly cost against hours per run: the frontier's points joined fastest first, the other options shown as grey dots. */
    static String frontier(Charts.FrontierChart c) {
        int height = TOP + PLOT_H + AXIS_H + LEGEND_LINE * 2 + 10;
        StringBuilder sb = open("frontier", c.title(), height);
        frame(sb, i -> Fmt.usd(c.yMax() * i / TICKS).replace(".00", ""), i -> Fmt.sig(c.xMax() * i / TICKS), "hours per run");
        StringBuilder line = new StringBuilder();
        for (Charts.Dot d : c.frontier()) {
            line.append(line.length() == 0 ? "" : " ").append(f(LEFT + PLOT_W * d.hours() / c.xMax())).append(',')
                    .append(f(TOP + PLOT_H - PLOT_H * d.monthlyUsd() / c.yMax()));
        }
        sb.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"").append(COLORS.get(0)).append("\" stroke-width=\"2\"/>\n");
        for (Charts.Dot d : c.dots()) {
            double x = LEFT + PLOT_W * d.hours() / c.xMax();
            double y = TOP + PLOT_H - PLOT_H * d.monthlyUsd() / c.yMax();
            sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"").append(d.onFrontier() ? "5" : "4")
                    .append("\" fill=\"").append(d.onFrontier() ? COLORS.get(0) : "#b0b7bf").append("\"><title>").append(HtmlRenderer.esc(d.label()))
                    .append(": ").append(Fmt.sig(d.hours())).append(" h/run, ").append(Fmt.usd(d.monthlyUsd())).append("/month")
                    .append(d.onFrontier() ? " (frontier)" : "").append("</title></circle>\n");
            if (d.onFrontier()) {
                sb.append("<text x=\"").append(f(x + 7)).append("\" y=\"").append(f(y - 7)).append("\" class=\"label\">")
                        .append(HtmlRenderer.esc(shorten(d.label(), 32))).append("</text>\n");
            }
        }
        legend(sb, TOP + PLOT_H + AXIS_H, COLORS.get(0), "cost/time frontier, joined fastest first");
        legend(sb, TOP + PLOT_H + AXIS_H + LEGEND_LINE, "#b0b7bf", "other ranked options (dots)");
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static final int TICKS = 5;

    /** A chart's svg element, its title for screen readers and its visible title. */
    private static StringBuilder open(String cssClass, String title, int height) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(cssClass).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(HtmlRenderer.esc(title)).append("\">\n");
        sb.append("<title>").append(HtmlRenderer.esc(title)).append("</title>\n");
        sb.append("<text x=\"0\" y=\"16\" class=\"chart-title\">").append(HtmlRenderer.esc(title)).append("</text>\n");
        return sb;
    }

    /**
     * The frame every line chart shares: {@link #TICKS} + 1 grid lines with their y tick labels
     * ({@code yTick} of tick i, 0 at the bottom), the x tick labels ({@code xTick} of tick i, 0 at the
     * left), both axes and the x axis label.
     */
    private static void frame(StringBuilder sb, IntFunction<String> yTick, IntFunction<String> xTick, String xLabel) {
        for (int i = 0; i <= TICKS; i++) {
            double y = TOP + PLOT_H - PLOT_H * (double) i / TICKS;
            sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(LEFT + PLOT_W).append("\" y2=\"").append(f(y))
                    .append("\" class=\"grid\"/>\n");
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\" class=\"tick\">")
                    .append(yTick.apply(i)).append("</text>\n");
            double x = LEFT + PLOT_W * (double) i / TICKS;
            sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(TOP + PLOT_H + 18).append("\" text-anchor=\"middle\" class=\"tick\">")
                    .append(xTick.apply(i)).append("</text>\n");
        }
        sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT_H).append("\" x2=\"").append(LEFT + PLOT_W).append("\" y2=\"")
                .append(TOP + PLOT_H).append("\" class=\"axis\"/>\n");
        sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"").append(TOP + PLOT_H)
                .append("\" class=\"axis\"/>\n");
        sb.append("<text x=\"").append(LEFT + PLOT_W / 2).append("\" y=\"").append(TOP + PLOT_H + 38)
                .append("\" text-anchor=\"middle\" class=\"axis-label\">").append(HtmlRenderer.esc(xLabel)).append("</text>\n");
    }

    /** One legend entry: a short line in the series' colour and its name. */
    private static void legend(StringBuilder sb, int y, String color, String name) {
        sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(LEFT + 30).append("\" y2=\"").append(y)
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>\n");
        sb.append("<text x=\"").append(LEFT + 38).append("\" y=\"").append(y + 4).append("\" class=\"label\">").append(HtmlRenderer.esc(name))
                .append("</text>\n");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
