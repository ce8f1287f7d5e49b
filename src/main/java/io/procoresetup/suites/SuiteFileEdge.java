package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import org.testng.ISuite;
import org.testng.ISuiteListener;

/**
 * The edge of a run started from a file in suites/ (Maven's {@code -Dsuite=suites/setup.xml -Dharness.app-url=...}):
 * builds the run's configuration from the {@code harness.*} system properties, once, and hands it to the suite.
 * The only place a suite run reads system properties; each file in suites/ names it as its listener.
 */
public final class SuiteFileEdge implements ISuiteListener {
    @Override
    public void onStart(ISuite suite) {
        if (SuiteRun.attachedTo(suite).isPresent()) return;          // a runner handed one over already
        SuiteRun run;
        try {
            run = SuiteRun.of(RunConfig.from(System.getProperties()));
        } catch (RuntimeException badInput) {
            run = SuiteRun.unusable(badInput);          // reported by each suite class as its failure, with Allure's evidence
        }
        new SuiteRun.Handover(run).onStart(suite);
    }
}
