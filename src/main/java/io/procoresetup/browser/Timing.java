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

    /** The JVM's own CPU time so far (all its threads, not the browser's), as a mark: "harness-timing jvm-cpu-ms N". */
    public static void cpu() {
        if (ON && java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            System.err.println("harness-timing jvm-cpu-ms " + os.getProcessCpuTime() / 1_000_000);
        }
    }

    private static void mark(String event, long epochMillis) {
        System.err.println("harness-timing " + event + " " + epochMillis);
    }
}
