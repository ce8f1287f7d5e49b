package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.setup.AppInstall;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.verify.Check;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestContext;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One suite run, kept as an attribute of TestNG's suite: the configuration it was handed, and how it ended. Whoever
 * starts the run attaches it ({@link Handover}); the suite classes read it from their test context and record their
 * result in it; the starter reads it back once TestNG returns.
 */
public final class SuiteRun {
    private static final String ATTRIBUTE = SuiteRun.class.getName();

    private final RunConfig config;
    private final RuntimeException unusable;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<GuidedSetup.Result> result = new AtomicReference<>();
    private final AtomicReference<List<Check>> checks = new AtomicReference<>();
    private final AtomicReference<AppInstall.Result> installed = new AtomicReference<>();

    private SuiteRun(RunConfig config, RuntimeException unusable) {
        this.config = config;
        this.unusable = unusable;
    }

    /** A run of {@code config}. */
    public static SuiteRun of(RunConfig config) { return new SuiteRun(config, null); }

    /** A run whose configuration could not be built: each suite class fails with {@code why} as its first act. */
    static SuiteRun unusable(RuntimeException why) { return new SuiteRun(null, why); }

    /** The run handed to {@code suite}, if any. */
    public static Optional<SuiteRun> attachedTo(ISuite suite) {
        return suite.getAttribute(ATTRIBUTE) instanceof SuiteRun r ? Optional.of(r) : Optional.empty();
    }

    /** The run a suite class belongs to; fails when nobody handed one over (the class was run on its own). */
    static SuiteRun of(ITestContext context) {
        return attachedTo(context.getSuite()).orElseThrow(() -> new IllegalStateException("no configuration was handed to suite '"
                + context.getSuite().getName() + "': run it with ./harness or from its file in suites/ (mvn -B test -Dsuite=suites/<name>.xml)"));
    }

    /** The configuration the run was handed (bad input found while building it is thrown here). */
    public RunConfig config() {
        if (unusable != null) throw unusable;
        return config;
    }

    /** The first failure of any suite class in the run (classes may run in parallel). */
    public Optional<Throwable> failure() { return Optional.ofNullable(failure.get()); }

    /** The guided setup's result, when a suite class finished one. */
    public Optional<GuidedSetup.Result> result() { return Optional.ofNullable(result.get()); }

    /** The DMSA route's result, when a suite class finished one. */
    public Optional<AppInstall.Result> installed() { return Optional.ofNullable(installed.get()); }

    /** The cross-check's checks, when a suite class ran it. */
    public Optional<List<Check>> checks() { return Optional.ofNullable(checks.get()); }

    void failed(Throwable t) { failure.compareAndSet(null, t); }

    void succeeded(GuidedSetup.Result r) { result.set(r); }

    void installed(AppInstall.Result r) { installed.set(r); }

    void checked(List<Check> c) { checks.set(List.copyOf(c)); }

    /** Attaches a run to the suite TestNG starts: the listener a runner registers before {@code TestNG.run()}. */
    public static final class Handover implements ISuiteListener {
        private final SuiteRun run;

        public Handover(SuiteRun run) { this.run = run; }

        @Override
        public void onStart(ISuite suite) { suite.setAttribute(ATTRIBUTE, run); }
    }
}
