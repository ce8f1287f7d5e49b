package io.procoresetup.browser;

/**
 * Phase marks for bench/run's breakdown: off unless the environment sets HARNESS_TIMING, then one stderr line
 * per mark ("harness-timing EVENT EPOCH_MILLIS"). Numbers for a benchmark file, never for a test's assertion.
 */
public final class Timing {
    private static final boolean ON = System.getenv("HARNESS_TIMING") != null;

    static {
        if (ON) mark("jvm-start", java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private Timing() {}

    public static void mark(String event) {
        if (ON) mark(event, System.currentTimeMillis());
    }

    private static void mark(String event, long epochMillis) {
        System.err.println("harness-timing " + event + " " + epochMillis);
    }
}
