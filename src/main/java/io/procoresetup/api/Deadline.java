package io.procoresetup.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time the whole cross-check may take, read on the client's clock (so tests can move it). It counts from the
 * client's making, or from {@link #restart()}: questions asked early (while the run waited on Add All) start it then, and
 * the cross-check restarts it when it begins, so its own questions get the whole of it.
 */
final class Deadline {
    private final Clock clock;
    private final Duration total;
    private volatile Instant end;

    Deadline(Clock clock, Duration total) {
        this.clock = clock;
        this.total = total;
        this.end = clock.instant().plus(total);
    }

    /** From now on, the whole of it again (never shorter than what is left). */
    void restart() {
        Instant again = clock.instant().plus(total);
        if (again.isAfter(end)) end = again;
    }

    Duration remaining() {
        Duration d = Duration.between(clock.instant(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    boolean passed() { return !clock.instant().isBefore(end); }

    Duration total() { return total; }

    Instant now() { return clock.instant(); }

    ProcoreApiException exceeded(String call) {
        return new ProcoreApiException(ProcoreApiException.Kind.DEADLINE, 0, call,
                "no usable answer within the cross-check's deadline of " + total.toSeconds() + " s (--deadline)");
    }
}
