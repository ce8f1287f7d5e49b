package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.setup.GuidedSetup;
import io.qameta.allure.Allure;
import org.testng.ITestContext;
import org.testng.annotations.Test;

/** What setup would change, step by step, without changing anything (suites/plan.xml). */
public class PlanSuite {
    @Test(description = "Plan: what the guided setup would change (read-only)")
    public void plan(ITestContext context) {
        Allure.getLifecycle().updateTestCase(t -> t.setName("Plan"));
        SuiteRun run = SuiteRun.of(context);
        try {
            RunConfig config = run.config();
            try (RunSession s = RunSession.open(config, Narrator.console())) {
                s.evidence.job(ReportFacts.PLAN_JOB);
                GuidedSetup.plan(s.config, s.browser, s.evidence, s.narrator);     // the narrator prints each step's plan
            }
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }
}
