package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.setup.AppInstall;
import io.procoresetup.setup.Dmsa;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.Secret;
import io.procoresetup.ui.HomePage;
import io.procoresetup.verify.AppCrossCheck;
import io.procoresetup.verify.AppInUi;
import io.qameta.allure.Allure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        session = RunSession.forSetup(run);
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

    @Test(dependsOnMethods = "appInstall", description = "Cross-check through the REST API with the app's own credentials")
    public void crossCheck() {
        Allure.getLifecycle().updateTestCase(t -> t.setName(AppCrossCheck.TITLE));
        AppInstall.Result r = run.installed().orElseThrow();
        RunConfig c = session.config;
        ReportFacts.label(ReportFacts.SETUP_JOB, Dmsa.NAME, List.of(AppCrossCheck.TITLE), r.companyName() + " (" + r.companyId() + ") on "
                + c.target().id + " at " + ConsentGate.host(c.appUrl()), "API cross-check");
        try {
            // the vendor's credentials: --client-id with PROCORE_CLIENT_SECRET, or the embedded simulator's own app
            Credentials app = c.clientId() != null ? VerifySuite.credentials(c) : session.simulator().map(sim -> new Credentials(
                    sim.app().clientId(), Secret.of(sim.app().clientSecret()), r.companyId(), r.appName(), c.target().id, c.appUrl(),
                    Instant.now())).orElse(null);
            session.browser.open(c.appUrl() + "/" + r.companyId() + "/company/home/list");
            HomePage home = new HomePage(session.browser);
            AppCrossCheck.Seen seen = AppInUi.read(session.browser, session.evidence, session.narrator, c.appUrl(), home, r.companyId(),
                    r.companyName(), c.appVersionKey(), Optional.empty());
            try {
                run.checked(AppCrossCheck.run(c, session.evidence, session.narrator, app, seen));
            } catch (HarnessFailure f) {
                // without the app's credentials only the UI side is checked: setup still fails on what the UI shows wrong
                if (app != null || f.category() == Category.VERIFICATION_MISMATCH) throw f;
                session.narrator.say("      the API side was not checked: to check it, run ./harness verify --route dmsa --client-id <the app's "
                        + "client ID> with PROCORE_CLIENT_SECRET set");
            }
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
