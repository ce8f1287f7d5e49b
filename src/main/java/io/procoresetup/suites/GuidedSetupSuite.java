package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.setup.GuidedSetup;
import io.qameta.allure.Allure;
import org.testng.annotations.Test;

/**
 * The guided setup as a TestNG test (suites/setup.xml): the six steps of the guide against the target
 * the harness.* properties name, the embedded simulator by default.
 */
public class GuidedSetupSuite {

    @Test(description = "Guided setup: the six steps of Procore's service-account guide")
    public void guidedSetup() {
        Allure.getLifecycle().updateTestCase(t -> t.setName("Guided setup"));
        try {
            RunConfig config = RunConfig.fromSystemProperties();
            ConsentGate.precheck(config);
            try (RunSession s = RunSession.open(config, Narrator.console())) {
                Outcome.succeeded(GuidedSetup.run(s.config, s.browser, s.evidence, s.narrator));
            }
        } catch (RuntimeException | Error e) {
            Outcome.failed(e);
            throw e;
        }
    }
}
