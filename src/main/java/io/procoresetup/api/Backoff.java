package io.procoresetup.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The only timed waits outside the simulator: pauses that Procore dictates (Retry-After, the rate-limit
 * reset) or that spread retries out (jittered exponential back-off). Nothing here waits for the UI.
 */
public interface Backoff {
    void pause(Duration d);

    /** Pauses on a timer thread, so the wait is interruptible and never busy. */
    Backoff REAL = d -> {
        if (d.isZero() || d.isNegative()) return;
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS)).join();
    };

    /** Exponential back-off with full jitter: a random wait up to base * 2^attempt, capped. */
    static Duration jittered(int attempt, Duration base, Duration cap) {
        long max = Math.min(cap.toMillis(), base.toMillis() * (1L << Math.min(attempt, 16)));
        return Duration.ofMillis(max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1));
    }
}
