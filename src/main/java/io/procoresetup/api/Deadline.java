package io.procoresetup.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The time the whole cross-check may take, read on the client's clock (so tests can move it). */
final class Deadline {
    private final Clock clock;
    private final Duration total;
    private final Instant end;

    Deadline(Clock clock, Duration total) {
        this.clock = clock;
        this.total = total;
        this.end = clock.instant().plus(total);
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
