package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * The overall deadline of one refresh ({@link RefreshOptions#timeout()}, {@code --timeout}) and the
 * per-call timeout ({@link RefreshOptions#callTimeout()}). Every request carries an override whose
 * {@code apiCallTimeout} (all attempts and backoffs) is what is left of the deadline and whose
 * {@code apiCallAttemptTimeout} is the per-call timeout, cut to the same; no request starts after the
 * deadline. Measured on the monotonic clock ({@link System#nanoTime()}), not the options' clock, which
 * only dates the catalog.
 */
final class Deadline {
    private final long endNanos;
    private final Duration total;
    private final Duration callTimeout;

    private Deadline(Duration total, Duration callTimeout) {
        this.total = total;
        this.callTimeout = callTimeout;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline start(RefreshOptions opts) {
        return new Deadline(opts.timeout(), opts.callTimeout());
    }

    boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    Duration total() {
        return total;
    }

    Duration callTimeout() {
        return callTimeout;
    }

    /** @throws RefreshException when the deadline has passed */
    void check(String operation) {
        if (expired()) {
            throw expiredDuring(operation);
        }
    }

    RefreshException expiredDuring(String operation) {
        return expiredDuring(operation, null);
    }

    RefreshException expiredDuring(String operation, Throwable sanitisedCause) {
        return new RefreshException(Reason.TIMEOUT, "catalog refresh failed: the refresh did not finish within --timeout "
                + human(total) + " (stopped during " + operation + "). Nothing was written. Raise --timeout, or refresh"
                + " fewer regions or services at a time.", sanitisedCause);
    }

    /** The timeouts for the next request; checks the deadline first. */
    AwsRequestOverrideConfiguration override(String operation) {
        check(operation);
        Duration left = remaining();
        Duration attempt = callTimeout.compareTo(left) < 0 ? callTimeout : left;
        return AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(left.isZero() ? Duration.ofMillis(1) : left)
                .apiCallAttemptTimeout(attempt.isZero() ? Duration.ofMillis(1) : attempt)
                .build();
    }

    /** "5m", "90s", "250ms": as {@code --timeout} accepts it. */
    static String human(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
