package io.procoresetup.reliability;

import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
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

/** Bad input, one test each: a one-line error, the documented exit code, no stack trace, and no mutation. */
public class BadInputMatrixTest {
    private Sim sim;
    private long cid;
    private Path work;
    private int auditBefore;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim();
        work = Files.createTempDirectory("harness-bad-input-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @BeforeMethod
    public void fresh() {
        cid = sim.freshCompany(5, 0, 0, 0);
        auditBefore = sim.audit().size();
    }

    private HarnessProcess.Result sandbox(String password, String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--target", "sandbox", "--app-url", sim.url(), "--user", "admin@example.com",
                "--company", String.valueOf(cid), "--consent", String.valueOf(cid), "--credentials", work.resolve("c" + System.nanoTime() + ".json").toString(),
                "--results", work.resolve("results").toString(), "--no-report", "--timeout", "8"));
        args.addAll(List.of(extra));
        return HarnessProcess.run(Map.of("PROCORE_PASSWORD", password), args.toArray(String[]::new));
    }

    private void refused(HarnessProcess.Result r, int code, String message) {
        assertEquals(r.code(), code, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, "one line: " + r.err());
        assertTrue(r.err().contains(message), "expected '" + message + "' in: " + r.err());
        assertFalse(r.console().contains("\tat ") || r.console().contains("Exception"), "no stack trace: " + r.console());
        assertEquals(sim.audit().size(), auditBefore, "no mutation");
    }

    @Test
    public void clientIdOnTheGuidesRoute() {
        refused(HarnessProcess.run(Map.of(), "setup", "--app-url", sim.url(), "--client-id", "abc", "--no-report"), 2,
                "--client-id is the app's, for --route dmsa");
    }

    @Test
    public void clientIdWithoutItsSecretStopsBeforeTheInstall() {
        refused(HarnessProcess.run(Map.of(), "setup", "--route", "dmsa", "--app-version-key", io.procoresetup.sim.SimServer.APP_VERSION_ID,
                "--app-url", sim.url(), "--client-id", io.procoresetup.sim.SimServer.APP_CLIENT_ID, "--no-report"), 2,
                "no client secret for --client-id");
    }

    @Test
    public void unknownTarget() {
        refused(HarnessProcess.run(Map.of(), "setup", "--target", "moon", "--no-report"), 2, "unknown target 'moon'");
    }

    @Test
    public void malformedUrl() {
        refused(HarnessProcess.run(Map.of(), "setup", "--target", "sandbox", "--app-url", "ht!tp:/nowhere", "--company", "5",
                "--user", "a@b.c", "--consent", "5", "--no-report"), 2, "--app-url is not an http(s) URL");
    }

    @Test
    public void companyIdNotANumber() {
        refused(HarnessProcess.run(Map.of(), "setup", "--target", "sandbox", "--company", "acme", "--user", "a@b.c", "--no-report"),
                2, "--company must be a positive whole number");
    }

    @Test
    public void companyNotReachable() {
        List<String> args = new ArrayList<>(List.of("setup", "--target", "sandbox", "--app-url", sim.url(), "--user", "admin@example.com",
                "--company", "999", "--consent", "999", "--credentials", work.resolve("nr.json").toString(), "--results",
                work.resolve("results").toString(), "--no-report", "--timeout", "5"));
        refused(HarnessProcess.run(Map.of("PROCORE_PASSWORD", "procore-sim"), args.toArray(String[]::new)), 2, "company 999 is not reachable");
    }

    @Test
    public void emptyName() {
        refused(sandbox("procore-sim", "--name", ""), 2, "--name must not be empty");
    }

    @Test
    public void overLongName() {
        refused(sandbox("procore-sim", "--name", "x".repeat(256)), 2, "Procore allows at most 255");
    }

    @Test
    public void duplicateNameDifferingOnlyInCase() {
        sim.loginAdmin(cid).createAccount(cid, "LaborChart-Integration");
        auditBefore = sim.audit().size();
        refused(sandbox("procore-sim"), 5, "Name has already been taken");
        assertEquals(sim.accounts(cid).size(), 1);
    }

    @Test
    public void wrongPassword() {
        refused(sandbox("not-the-password"), 2, "Invalid email or password");
    }

    @Test
    public void userWithoutAdminRights() {
        List<String> args = new ArrayList<>(List.of("setup", "--target", "sandbox", "--app-url", sim.url(), "--user", "field.user@example.com",
                "--company", String.valueOf(cid), "--consent", String.valueOf(cid), "--credentials", work.resolve("na.json").toString(),
                "--results", work.resolve("results").toString(), "--no-report"));
        refused(HarnessProcess.run(Map.of("PROCORE_PASSWORD", "procore-sim"), args.toArray(String[]::new)), 6, "not a company admin");
    }

    @Test
    public void missingCredentialsFile() {
        refused(HarnessProcess.run(Map.of(), "verify", "--app-url", sim.url(), "--credentials", work.resolve("absent.json").toString(),
                "--no-report"), 2, "no credentials file at");
    }

    @Test
    public void corruptCredentialsFile() throws IOException {
        Path bad = Files.writeString(work.resolve("corrupt.json"), "{\"client_id\": \"abc\", oops");
        refused(HarnessProcess.run(Map.of(), "verify", "--app-url", sim.url(), "--credentials", bad.toString(), "--no-report"),
                2, "is not valid JSON");
    }

    @Test
    public void sandboxCredentialsAgainstProductionHosts() throws IOException {
        Path sandboxCreds = Files.writeString(work.resolve("sandbox.json"), "{\"client_id\":\"abc\",\"client_secret\":\"def456def456\","
                + "\"company_id\":" + cid + ",\"target\":\"sandbox\",\"saved_at\":\"2026-11-28T00:00:00Z\"}");
        refused(HarnessProcess.run(Map.of(), "verify", "--target", "production", "--company", String.valueOf(cid), "--user", "a@b.c",
                "--credentials", sandboxCreds.toString(), "--no-report"), 2, "were saved for sandbox, not production");
    }
}
