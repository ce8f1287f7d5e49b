package io.procoresetup.config;

import io.procoresetup.consent.ConsentGate;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import org.testng.annotations.Test;

import java.util.Map;
import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** Consent follows where a run really goes, not what its target is called; secrets never travel in clear. */
public class TargetSafetyTest {
    private static RunConfig config(Map<String, String> options) {
        Properties p = new Properties();
        RunConfig.put(p, options);
        return RunConfig.from(p);
    }

    @Test
    public void onlyTheEmbeddedSimulatorOrOneOnThisMachineSkipsConsent() {
        assertFalse(config(Map.of()).needsConsent(), "the embedded simulator");
        assertFalse(config(Map.of("app-url", "http://127.0.0.1:4567")).needsConsent(), "a simulator on loopback");
        assertFalse(config(Map.of("app-url", "http://localhost:4567")).needsConsent(), "localhost");
        RunConfig elsewhere = config(Map.of("target", "simulator", "app-url", "https://procore-like.example.com"));
        assertTrue(elsewhere.needsConsent(), "a 'simulator' somewhere else is a real company as far as consent goes");
        HarnessFailure e = expectThrows(HarnessFailure.class, () -> ConsentGate.precheck(elsewhere));
        assertEquals(e.category(), Category.CONSENT_REFUSED);
    }

    @Test
    public void productionHostsNeedTheExtraFlagWhateverTheTargetIsCalled() {
        RunConfig c = config(Map.of("target", "simulator", "app-url", "https://app.procore.com", "consent", "5", "company", "5"));
        assertTrue(c.productionHost());
        HarnessFailure e = expectThrows(HarnessFailure.class, () -> ConsentGate.precheck(c));
        assertEquals(e.category(), Category.CONSENT_REFUSED);
        assertTrue(e.getMessage().contains("--allow-production"), e.getMessage());
        ConsentGate.precheck(config(Map.of("target", "simulator", "app-url", "https://app.procore.com", "consent", "5", "company", "5",
                "allow-production", "true")));
    }

    @Test
    public void plainHttpIsOnlyForThisMachine() {
        BadInput e = expectThrows(BadInput.class, () -> config(Map.of("target", "sandbox", "company", "5", "user", "a@b.c",
                "app-url", "http://sandbox.example.com")));
        assertTrue(e.getMessage().contains("plain http") && e.getMessage().contains("https"), e.getMessage());
        expectThrows(BadInput.class, () -> config(Map.of("app-url", "http://10.0.0.5:4567")));
        assertEquals(config(Map.of("app-url", "http://127.0.0.1:4567")).appUrl(), "http://127.0.0.1:4567");
    }

    @Test
    public void aUrlWithAUserOrPasswordIsRefusedWithoutEchoingIt() {
        for (String url : new String[] {"https://admin:hunter2secret@sandbox.procore.com", "https://admin@sandbox.procore.com",
                "http://admin:hunter2secret@127.0.0.1:4567"}) {
            BadInput e = expectThrows(BadInput.class, () -> config(Map.of("target", "sandbox", "company", "5", "user", "a@b.c", "api-url", url)));
            assertTrue(e.getMessage().contains("user name or password"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2secret") || e.getMessage().contains("admin@"), "never echoed: " + e.getMessage());
        }
    }

    @Test
    public void monthlySandboxUsesProcoresThreeHosts() {
        RunConfig c = config(Map.of("target", "monthly-sandbox", "company", "5", "user", "a@b.c"));
        assertEquals(c.appUrl(), "https://api-sandbox-monthly.procore.com", "the browser's host");
        assertEquals(c.loginUrl(), "https://login-sandbox-monthly.procore.com");
        assertEquals(c.apiUrl(), "https://api-monthly.procore.com", "the API's host");
    }
}
