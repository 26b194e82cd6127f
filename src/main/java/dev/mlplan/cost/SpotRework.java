package dev.mlplan.cost;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.TimeSpan;

/**
 * Expected extra work on spot. The Spot Instance Advisor publishes, per region and type, the share of
 * spot capacity reclaimed over the trailing month as a bucket (&lt;5%, 5–10%, …, &gt;20%). mlplan takes
 * the bucket's upper end as the chance that one instance is interrupted in a month (730 h), so an
 * instance-hour is interrupted with probability {@code upper / 730}. A job on {@code n} instances
 * stops when any of them is reclaimed; each interruption loses, on average, half a checkpoint
 * interval of progress plus the restart time. Without checkpoints it loses half the run.
 *
 * <pre>
 * interruptions per run = n × hours × upper / 730
 * lost hours each       = checkpoint / 2 + restart      (hours / 2 when there are no checkpoints)
 * rework fraction       = interruptions × lost / hours
 * </pre>
 */
public final class SpotRework {
    /** Restart time after an interruption unless the workload says otherwise (assumptions.spot_restart). */
    public static final double DEFAULT_RESTART_HOURS = 10.0 / 60;

    /** Hours lost restarting after an interruption: {@code assumptions.spot_restart}, else the default. */
    public static double restartHours(Workload w) {
        return w.assumptions().flatMap(Workload.Assumptions::spotRestart).map(TimeSpan::hours).orElse(DEFAULT_RESTART_HOURS);
    }

    private SpotRework() {}

    /** @param bucket the interruption bucket the rate comes from, as the Spot Instance Advisor names it */
    public record Estimate(double interruptionsPerRun, double lostHoursEach, double reworkFraction, String bucket) {
        public double hoursWithRework(double hours) {
            return hours * (1 + reworkFraction);
        }

        /**
         * "interruption bucket 5-10%: 0.0123 expected interruptions per run × 10 min lost each = +0.2% rework".
         * Made when asked for: every spot offer is estimated, few are shown.
         */
        public String explanation() {
            return "interruption bucket " + bucket + ": " + Fmt.sig(interruptionsPerRun) + " expected interruptions per run × "
                    + Fmt.hours(lostHoursEach) + " lost each = +" + Fmt.pct(reworkFraction) + " rework";
        }
    }

    /**
     * @param checkpointHours hours between checkpoints, or 0 when the run does not checkpoint
     */
    public static Estimate estimate(SpotInfo info, int instances, double hoursPerRun, double checkpointHours, double restartHours) {
        double upper = info == null ? 0.25 : info.interruptionRateUpper();
        String bucket = info == null || info.interruptionBucket() == null ? "unknown (assumed >20%)" : info.interruptionBucket();
        double interruptions = instances * hoursPerRun * upper / HOURS_PER_MONTH;
        double lost = checkpointHours > 0 ? Math.min(checkpointHours / 2 + restartHours, hoursPerRun / 2 + restartHours) : hoursPerRun / 2 + restartHours;
        double rework = hoursPerRun > 0 ? interruptions * lost / hoursPerRun : 0;
        return new Estimate(interruptions, lost, rework, bucket);
    }

    /**
     * The worst single interruption of a run: a restart plus the work since the last checkpoint (the
     * whole run without checkpoints). The expected rework of {@link #estimate} is small; this one
     * unlucky interruption is what a deadline margin must absorb.
     *
     * @param lostHours work redone
     * @param endHours when the run ends after it
     */
    public record OneInterruption(double restartHours, double lostHours, double endHours, boolean checkpointed) {
        public static OneInterruption of(double runHours, double checkpointHours, double restartHours) {
            double lost = checkpointHours > 0 ? Math.min(checkpointHours, runHours) : runHours;
            return new OneInterruption(restartHours, lost, runHours + restartHours + lost, checkpointHours > 0);
        }

        /** "one interruption (restart 10 min + up to 1 h of lost work since the last checkpoint) would end the run at 12.4 h". */
        public String explanation() {
            return "one interruption (restart " + Fmt.hours(restartHours) + " + up to " + Fmt.hours(lostHours) + " of lost work"
                    + (checkpointed ? " since the last checkpoint" : ": no checkpoints") + ") would end the run at " + Fmt.hours(endHours);
        }
    }
}
