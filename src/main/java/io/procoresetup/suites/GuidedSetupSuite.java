package io.procoresetup.suites;

import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.evidence.ResultsFiles;
import java.util.List;
import io.procoresetup.setup.Guide;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.verify.CrossCheck;
import io.qameta.allure.Allure;
import org.testng.ITestContext;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The guided setup as TestNG tests (suites/setup.xml): the six steps of the guide against the target
 * the run's configuration names (the embedded simulator by default), then the cross-check through the API.
 */
public class GuidedSetupSuite {

    private SuiteRun run;
    private RunSession session;
    private GuidedSetup.Result result;
    private final CrossCheck.Early early = new CrossCheck.Early();

    @BeforeClass(alwaysRun = true)
    public void open(ITestContext context) {
        run = SuiteRun.of(context);
        session = RunSession.forSetup(run);
    }

    @Test(description = "Guided setup: the six steps of Procore's service-account guide")
    public void guidedSetup() {
        Allure.getLifecycle().updateTestCase(t -> t.setName("Guided setup"));
        ReportFacts.label(ReportFacts.SETUP_JOB, Guide.NAME, Guide.ROUTE.titles(), session.config.target().id,
                ConsentGate.host(session.config.appUrl()), "Guided setup");
        try {
            result = GuidedSetup.run(session.config, session.browser, session.evidence, session.narrator,
                    early.andThen(ResultsFiles::warmAllureWriter));
            if (early.listRead(result.companyId())) session.releaseBrowser();      // the cross-check will need no page
            run.succeeded(result);
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    @Test(dependsOnMethods = "guidedSetup", description = "Cross-check through the REST API with the account's own credentials")
    public void crossCheck() {
        Allure.getLifecycle().updateTestCase(t -> t.setName(CrossCheck.TITLE));
        ReportFacts.label(ReportFacts.SETUP_JOB, Guide.NAME, List.of(CrossCheck.TITLE),
                result.companyName() + " (" + result.companyId() + ") on " + session.config.target().id + " at "
                        + ConsentGate.host(session.config.appUrl()), "API cross-check");
        try {
            run.checked(CrossCheck.run(session.config, session.browser, session.evidence, session.narrator, result.saved(),
                    new CrossCheck.Seen(result.companyId(), result.companyName(), result.directoryName(), result.addToNewProjectsTicked()),
                    early, session::releaseBrowser));
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
