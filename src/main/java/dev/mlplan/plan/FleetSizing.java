package dev.mlplan.plan;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload.Availability;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Pattern;

/**
 * How many instances an inference service needs. Peak: peak requests per second × (1 + headroom) ÷
 * one instance's sustainable rate, at least 2 for multi-AZ (one per zone). The mean fleet over the
 * serving hours depends on the traffic pattern: steady traffic keeps the peak fleet; diurnal traffic
 * is followed by autoscaling, so the mean fleet is sized for average traffic; sporadic traffic keeps
 * only the minimum fleet warm.
 *
 * @param peak instances at peak
 * @param mean mean instances over the serving hours (what pay-as-you-go pays for)
 * @param explanation one line for notes
 */
record FleetSizing(int peak, double mean, String explanation) {
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
        double mean;
        String how;
        if (inf.traffic().pattern() == Pattern.STEADY) {
            mean = peak;
            how = peak + " for peak " + Fmt.sig(peakRps) + "/s + " + Fmt.pct(headroom) + " headroom";
        } else if (inf.traffic().pattern() == Pattern.DIURNAL) {
            mean = forAverage;
            how = (forAverage == peak ? peak + " (autoscaling has no room: average " : "autoscaled " + forAverage + "–" + peak + " (average ") + Fmt.sig(avgRps) + "/s, peak " + Fmt.sig(peakRps) + "/s, +" + Fmt.pct(headroom) + " headroom)";
        } else {
            mean = min;
            how = min + " kept warm for sporadic traffic; up to " + peak + " at peak";
        }
        if (min == 2) {
            how += "; at least 2 across AZs";
        }
        return new FleetSizing(peak, mean, how);
    }
}
