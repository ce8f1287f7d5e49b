package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.ui.HomePage;
import io.procoresetup.verify.CrossCheck;
import io.qameta.allure.Allure;
import org.testng.annotations.Test;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Regression part 2: the full six-step setup and the cross-check on a throwaway account whose name marks
 * it as a test; deleted afterwards. On the simulator, on a fresh company; on a sandbox only with consent.
 */
public class ThrowawaySetupSuite {
    public static final String PREFIX = "harness-regression-";

    @Test(description = "Full setup and cross-check on a throwaway account, deleted afterwards")
    public void throwawaySetup() {
        Allure.getLifecycle().updateTestCase(t -> t.setName("Throwaway setup and cross-check"));
        try {
            Properties p = new Properties();
            p.putAll(System.getProperties());
            String name = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            p.setProperty(RunConfig.PREFIX + "name", name);
            if (p.getProperty(RunConfig.PREFIX + "credentials") == null) {
                p.setProperty(RunConfig.PREFIX + "credentials", System.getProperty("java.io.tmpdir") + "/" + name + ".json");
            }
            RunConfig config = RunConfig.from(p);
            ConsentGate.precheck(config);
            try (RunSession s = RunSession.open(config, Narrator.console())) {
                s.evidence.job(ReportFacts.REGRESSION_JOB);
                GuidedSetup.Result r = GuidedSetup.run(s.config, s.browser, s.evidence, s.narrator);
                CrossCheck.run(s.config, s.browser, s.evidence, s.narrator, r.saved(),
                        new CrossCheck.Seen(r.companyId(), r.companyName(), r.directoryName(), r.addToNewProjectsTicked()));
                Allure.step("Delete the throwaway account " + name, () -> {
                    s.browser.open(s.config.appUrl() + "/" + r.companyId() + "/company/home/list");
                    new HomePage(s.browser).header().openAccountAndAdminSettings().openServiceAccounts().delete(name);
                    s.narrator.say("Deleted the throwaway account " + name);
                });
                java.nio.file.Files.deleteIfExists(r.credentials());
                Outcome.succeeded(r);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            Outcome.failed(e);
            throw e;
        }
    }
}
