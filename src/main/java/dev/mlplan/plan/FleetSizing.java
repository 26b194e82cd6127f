package dev.mlplan.plan;

import dev.mlplan.util.Fmt;
import dev.mlplan.util.Lazy;
import dev.mlplan.workload.Workload.Availability;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Pattern;

/**
 * How many instances an inference service needs. Peak: peak requests per second × (1 + headroom) ÷
 * one instance's sustainable rate, at least 2 for multi-AZ (one per zone). The mean fleet over the
 * serving hours depends on the traffic pattern: steady traffic keeps the peak fleet; diurnal traffic
 * is followed by autoscaling, so the mean fleet is sized for average traffic; sporadic traffic keeps
 * only the minimum fleet warm between bursts, but never fewer than the average rate needs (average
 * requests per second × (1 + headroom) ÷ one instance's rate, as diurnal): however bursty, that much
 * traffic keeps that many instances busy on average.
 *
 * @param peak instances at peak
 * @param mean mean instances over the serving hours (what pay-as-you-go pays for)
 * @param line one line for notes, made when first asked for ({@link #explanation()}): a fleet is sized
 *     for every candidate type at every step of a sweep, and its line is shown for a handful
 */
record FleetSizing(int peak, double mean, Lazy<String> line) {
    FleetSizing(int peak, double mean, String explanation) {
        this(peak, mean, Lazy.ofValue(explanation));
    }

    /** One line for notes. */
    String explanation() {
        return line.get();
    }

    /** Headroom over peak unless the workload says otherwise (assumptions.serving_headroom). */
    static final double DEFAULT_HEADROOM = 0.20;

    static FleetSizing of(Inference inf, double rpsPerInstance, double headroom) {
        int min = inf.availability() == Availability.MULTI_AZ ? 2 : 1;
        double peakRps = inf.traffic().peak().perSecond();
        double avgRps = inf.traffic().average().perSecond();
        if (rpsPerInstance <= 0) {
            return new FleetSizing(Integer.MAX_VALUE, Double.MAX_VALUE, "no throughput");
        }
        int peak = Math.max(min, (int) Math.ceil(peakRps * (1 + headroom) / rpsPerInstance - 1e-9));
        int forAverage = Math.max(min, (int) Math.ceil(avgRps * (1 + headroom) / rpsPerInstance - 1e-9));
        Pattern pattern = inf.traffic().pattern();
        double mean = pattern == Pattern.STEADY ? peak : pattern == Pattern.DIURNAL ? forAverage : Math.max(min, forAverage);
        return new FleetSizing(peak, mean, Lazy.of(() -> {
            String how;
            if (pattern == Pattern.STEADY) {
                how = peak + " for peak " + Fmt.sig(peakRps) + "/s + " + Fmt.pct(headroom) + " headroom";
            } else if (pattern == Pattern.DIURNAL) {
                how = (forAverage == peak ? peak + " (autoscaling has no room: average " : "autoscaled " + forAverage + "–" + peak + " (average ") + Fmt.sig(avgRps) + "/s, peak " + Fmt.sig(peakRps) + "/s, +" + Fmt.pct(headroom) + " headroom)";
            } else {
                how = forAverage > min
                        ? forAverage + " for the average " + Fmt.sig(avgRps) + "/s + " + Fmt.pct(headroom) + " headroom (sporadic traffic, but that much of it"
                                + " keeps them busy); up to " + peak + " at peak"
                        : min + " kept warm for sporadic traffic; up to " + peak + " at peak";
            }
            return min == 2 ? how + "; at least 2 across AZs" : how;
        }));
    }
}
