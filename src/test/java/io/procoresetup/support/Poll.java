package io.procoresetup.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a value until a condition holds or the timeout passes: a condition wait, not a fixed sleep. */
public final class Poll {
    private Poll() {}

    public static <T> T until(Supplier<T> value, Predicate<T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            last = value.get();
        }
        return last;
    }
}
