package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.ui.HomePage;
import io.procoresetup.verify.CrossCheck;
import io.qameta.allure.Allure;
import org.testng.ITestContext;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Regression part 2: the full six-step setup and the cross-check on a throwaway account whose name marks
 * it as a test; deleted afterwards. On the simulator, on a fresh company; on a sandbox only with consent.
 */
public class ThrowawaySetupSuite {
    public static final String PREFIX = "harness-regression-";

    @Test(description = "Full setup and cross-check on a throwaway account, deleted afterwards")
    public void throwawaySetup(ITestContext context) throws IOException {
        Allure.getLifecycle().updateTestCase(t -> t.setName("Throwaway setup and cross-check"));
        SuiteRun run = SuiteRun.of(context);
        Path scratch = null;
        try {
            String name = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            RunConfig.Builder b = run.config().toBuilder().accountName(name);
            if (run.config().credentialsFile() == null) {
                scratch = Files.createTempDirectory("harness-regression-");      // only this user may read it
                b.credentialsFile(scratch.resolve(name + ".json"));
            }
            RunConfig config = b.build();
            ConsentGate.precheck(config);
            try (RunSession s = RunSession.open(config, Narrator.console())) {
                s.evidence.job(ReportFacts.REGRESSION_JOB);
                CrossCheck.Early early = new CrossCheck.Early();
                GuidedSetup.Result r = GuidedSetup.run(s.config, s.browser, s.evidence, s.narrator, early);
                CrossCheck.run(s.config, s.browser, s.evidence, s.narrator, r.saved(),
                        new CrossCheck.Seen(r.companyId(), r.companyName(), r.directoryName(), r.addToNewProjectsTicked()), early, () -> { });
                Allure.step("Delete the throwaway account " + name, () -> {
                    s.browser.open(s.config.appUrl() + "/" + r.companyId() + "/company/home/list");
                    new HomePage(s.browser).header().openAccountAndAdminSettings().openServiceAccounts().delete(name);
                    s.narrator.say("Deleted the throwaway account " + name);
                });
                Files.deleteIfExists(r.credentials());
                run.succeeded(r);
            }
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        } finally {
            if (scratch != null) deleteScratch(scratch);
        }
    }

    /** The throwaway account's credentials die with it, whatever happened to the run. */
    private static void deleteScratch(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }
}
