package io.procoresetup.setup;

import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** Refused runs end with one line and a non-zero exit, and the simulator's audit log shows no mutation. */
public class RefusalsTest {
    private Sim sim;
    private long cid;
    private Path work;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim();
        work = Files.createTempDirectory("harness-refusals-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @BeforeMethod
    public void fresh() {
        cid = sim.freshCompany(5, 0, 0, 0);
        sim.control("/config", Map.of("accountsState", "AVAILABLE"));
    }

    /** A sandbox-like run pointed at the simulator's URLs: consent applies as it would on Procore. */
    private HarnessProcess.Result sandbox(String... extra) { return against("sandbox", extra); }

    private HarnessProcess.Result against(String target, String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--target", target, "--app-url", sim.url(), "--user", "admin@example.com",
                "--credentials", work.resolve("creds-" + System.nanoTime() + ".json").toString(),
                "--results", work.resolve("results").toString(), "--no-report"));
        args.addAll(List.of(extra));
        return HarnessProcess.run(Map.of("PROCORE_PASSWORD", "procore-sim"), args.toArray(String[]::new));
    }

    @DataProvider
    public Object[][] refusals() {
        return new Object[][] {
                {"no consent", "sandbox", new String[] {"--company", "COMPANY"}, 4, "no consent"},
                {"consent for another company", "sandbox", new String[] {"--company", "COMPANY", "--consent", "42"}, 4, "does not match --company"},
                {"production without --allow-production", "production", new String[] {"--company", "COMPANY", "--consent", "COMPANY"},
                        4, "--allow-production"},
        };
    }

    @Test(dataProvider = "refusals")
    public void refusedWithOneLineAndNoMutation(String why, String target, String[] extra, int code, String message) {
        int before = sim.audit().size();
        String[] args = extra.clone();
        for (int i = 0; i < args.length; i++) args[i] = args[i].replace("COMPANY", String.valueOf(cid));
        HarnessProcess.Result r = against(target, args);
        assertEquals(r.code(), code, why + ": " + r.console());
        assertEquals(r.err().strip().lines().count(), 1L, why + " gives one line: " + r.err());
        assertTrue(r.err().contains(message), why + ": " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(sim.audit().size(), before, why + " changed nothing");
        assertEquals(sim.accounts(cid).size(), 0);
    }

    @DataProvider
    public Object[][] sunsetStates() { return new Object[][] {{"CREATION_DISABLED"}, {"SUNSET"}}; }

    @Test(dataProvider = "sunsetStates")
    public void creationDisabledStopsAtStep3NamingDeveloperManagedAccounts(String state) {
        sim.control("/config", Map.of("accountsState", state));
        int before = sim.audit().size();
        HarnessProcess.Result r = sandbox("--company", String.valueOf(cid), "--consent", String.valueOf(cid));
        assertEquals(r.code(), 5, r.console());
        assertTrue(r.out().contains("[3/6] Create & Name Service Account"), r.out());
        assertFalse(r.out().contains("[4/6]"), "stopped at step 3");
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertTrue(r.err().contains("Procore refused") && r.err().contains("Developer Managed Service Account")
                && r.err().contains("App Management > Install App"), "the harness's own pointer: " + r.err());
        assertTrue(r.err().contains("'./harness setup --route dmsa --app-version-key <App Version ID from the app's developer> --target sandbox")
                && r.err().contains("--company " + cid), "names the exact command of today's route: " + r.err());
        assertFalse(r.err().contains("the integration's developer provides an app"), "not the page's words again: " + r.err());
        assertEquals(sim.audit().size(), before);
        assertEquals(sim.accounts(cid).size(), 0);
    }

    @Test
    public void consentForTheRightCompanyProceeds() {
        HarnessProcess.Result r = sandbox("--company", String.valueOf(cid), "--consent", String.valueOf(cid));
        assertEquals(r.code(), 0, r.console());
        assertEquals(sim.accounts(cid).size(), 1);
    }
}
