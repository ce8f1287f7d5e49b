package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.setup.AppInstall;
import io.procoresetup.setup.Dmsa;
import io.procoresetup.setup.GuidedSetup;
import io.qameta.allure.Allure;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Today's route as TestNG tests (suites/setup.xml with harness.route=dmsa): install the integration's app,
 * permit it every active project, and tick its Directory user's "add to all new projects".
 */
public class AppInstallSuite {
    private SuiteRun run;
    private RunSession session;

    @BeforeClass(alwaysRun = true)
    public void open(ITestContext context) {
        run = SuiteRun.of(context);
        try {
            RunConfig config = run.config();
            ConsentGate.precheck(config);
            GuidedSetup.precheck(config);
            session = RunSession.open(config, Narrator.console());
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    @Test(description = "App install: the DMSA route's four steps")
    public void appInstall() {
        Allure.getLifecycle().updateTestCase(t -> t.setName("App install (DMSA)"));
        ReportFacts.label(ReportFacts.SETUP_JOB, Dmsa.NAME, Dmsa.route(session.config.appVersionKey()).titles(), session.config.target().id,
                ConsentGate.host(session.config.appUrl()), "App install (DMSA)");
        try {
            run.installed(AppInstall.run(session.config, session.browser, session.evidence, session.narrator));
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    @AfterClass(alwaysRun = true)
    public void close() {
        if (session != null) session.close();
    }
}
