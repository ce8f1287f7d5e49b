package io.procoresetup.suites;

import java.util.concurrent.atomic.AtomicReference;

/** What the last suite run in this JVM ended with, for the CLI to report after TestNG returns. */
public final class Outcome {
    private static final AtomicReference<Object> RESULT = new AtomicReference<>();
    private static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();
    private static final AtomicReference<Object> CHECKS = new AtomicReference<>();

    private Outcome() {}

    public static void reset() {
        RESULT.set(null);
        FAILURE.set(null);
        CHECKS.set(null);
    }

    public static void checked(Object checks) { CHECKS.set(checks); }

    public static Object checks() { return CHECKS.get(); }

    public static void succeeded(Object result) { RESULT.set(result); }

    public static void failed(Throwable t) { FAILURE.compareAndSet(null, t); }

    public static Object result() { return RESULT.get(); }

    public static Throwable failure() { return FAILURE.get(); }
}
