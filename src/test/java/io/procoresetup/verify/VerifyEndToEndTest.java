package io.procoresetup.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** The cross-check as setup's last stage, and `harness verify` alone on a good and on a deliberately broken setup. */
public class VerifyEndToEndTest {
    /** The simulator UI these tests face; a subclass runs them on the other one. */
    protected String ui() { return "classic"; }

    private Sim sim;
    private long cid;
    private Path work;
    private Path creds;
    private HarnessProcess.Result setup;

    @BeforeClass
    public void setUpOnce() throws IOException {
        sim = new Sim(ui());
        cid = sim.freshCompany(30, 3, 0, 2);
        work = Files.createTempDirectory("harness-verify-");
        creds = work.resolve("creds.json");
        setup = HarnessProcess.run(sim.controlEnv(), "setup", "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
                "--results", work.resolve("setup-results").toString(), "--no-report");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private HarnessProcess.Result verify(String results) {
        return HarnessProcess.run(sim.controlEnv(), "verify", "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
                "--results", work.resolve(results).toString(), "--no-report");
    }

    @Test
    public void crossCheckPassesAsSetupsLastStageAndIsInTheReport() throws IOException {
        assertEquals(setup.code(), 0, setup.console());
        assertTrue(setup.out().contains("Cross-check through the REST API"), setup.out());
        for (int i = 1; i <= 6; i++) assertTrue(setup.out().matches("(?s).*\\n" + i + " +\\S.*PASS.*"), "check " + i + " passes:\n" + setup.out());
        JsonNode checks = verificationJson(work.resolve("setup-results"));
        assertEquals(checks.size(), 6);
        for (JsonNode c : checks) assertEquals(c.get("verdict").asText(), "PASS", c.toString());
        assertTrue(checks.get(5).get("api").asText().contains("visible to the account"), "check 6 proven by creating a project");
    }

    @Test(dependsOnMethods = "crossCheckPassesAsSetupsLastStageAndIsInTheReport")
    public void verifyAlonePassesOnAGoodSetupAndChangesNothing() {
        int before = sim.audit().size();
        HarnessProcess.Result r = verify("verify-good");
        assertEquals(r.code(), 0, r.console());
        List<String> changes = new ArrayList<>();
        for (JsonNode e : sim.audit()) {
            if (e.get("seq").asInt() > before && !e.get("action").asText().equals("project.create")) changes.add(e.toString());
        }
        assertTrue(changes.isEmpty(), "read-only: " + changes);
    }

    @Test(dependsOnMethods = "verifyAlonePassesOnAGoodSetupAndChangesNothing")
    public void brokenSetupFailsExactlyTheBrokenChecks() throws IOException {
        JsonNode account = sim.accounts(cid).get(0);
        String uid = account.get("userId").asText();
        Sim.Browserless admin = sim.loginAdmin(cid);
        Map<String, String> none = new HashMap<>();
        account.get("permissions").fieldNames().forEachRemaining(t -> none.put("perm[" + t + "]", "None"));
        assertEquals(admin.post("/" + cid + "/company/directory/users/" + uid + "/edit", none).status(), 303);   // box left unticked
        String removed = account.get("projectIds").get(0).asText();
        sim.control("/companies/" + cid + "/users/" + uid + "/projects/" + removed + "/remove", Map.of());

        HarnessProcess.Result r = verify("verify-broken");
        assertEquals(r.code(), 10, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertTrue(r.err().contains("Verification mismatch"), r.err());
        for (String named : List.of("4 Standard on every company tool", "5 projects visible = active projects", "6 added to all new projects")) {
            assertTrue(r.err().contains(named), named + " named in: " + r.err());
        }
        for (String notNamed : List.of("1 token", "2 company", "3 /me")) assertFalse(r.err().contains(notNamed), r.err());
        JsonNode checks = verificationJson(work.resolve("verify-broken"));
        List<String> verdicts = new ArrayList<>();
        checks.forEach(c -> verdicts.add(c.get("verdict").asText()));
        assertEquals(verdicts, List.of("PASS", "PASS", "PASS", "FAIL", "FAIL", "FAIL"));
        assertTrue(checks.get(3).get("detail").asText().contains("'None' is the classic failure"), checks.get(3).toString());
        assertTrue(r.out().contains("FAIL"), "the table is on the console");
        assertEquals(crossCheckStatus(work.resolve("verify-broken")), "failed", "a mismatch is a test failure in Allure");
    }

    /** An API behind a proxy that rate-limits for an hour or serves a maintenance page: could not check, never "mismatch". */
    @Test(dependsOnMethods = "brokenSetupFailsExactlyTheBrokenChecks")
    public void anApiThatCannotBeReadIsCouldNotCheckWithExit9Or8() throws IOException {
        JsonNode account = sim.accounts(cid).get(0);
        Map<String, String> standard = new HashMap<>();
        account.get("permissions").fieldNames().forEachRemaining(t -> standard.put("perm[" + t + "]", "Standard"));
        standard.put("add_to_new_projects", "1");                 // the box ticked again: what the UI shows is right
        assertEquals(sim.loginAdmin(cid).post("/" + cid + "/company/directory/users/" + account.get("userId").asText() + "/edit", standard)
                .status(), 303);
        try (MockWebServer api = new MockWebServer()) {
            api.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest req) {
                    if (req.getUrl().encodedPath().equals("/rest/v1.0/companies")) {
                        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html><h1>Down for maintenance</h1></html>").build();
                    }
                    return new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("Rate Limit Exceeded").build();
                }
            });
            api.start();
            HarnessProcess.Result r = HarnessProcess.run(sim.controlEnv(), "verify", "--target", "simulator", "--app-url", sim.url(),
                    "--api-url", api.url("/").toString(), "--credentials", creds.toString(), "--deadline", "30",
                    "--results", work.resolve("verify-unreadable").toString(), "--no-report");
            assertEquals(r.code(), 9, r.console());
            assertEquals(r.err().strip().lines().count(), 1L, r.err());
            assertTrue(r.err().contains("Rate limited: could not check: 2 company is reachable (the answer was HTML, not JSON (status 200)); "
                    + "3 /me is the account's Directory user"), r.err());
            assertTrue(r.err().contains("Procore asked to wait 3600 s (429)") && r.err().contains("try again after"), r.err());
            assertFalse(r.err().contains("Verification mismatch") || r.err().contains("HTTP 0"), r.err());
            List<String> verdicts = new ArrayList<>();
            verificationJson(work.resolve("verify-unreadable")).forEach(c -> verdicts.add(c.get("verdict").asText()));
            assertEquals(verdicts, List.of("PASS", "COULD_NOT_CHECK", "COULD_NOT_CHECK", "COULD_NOT_CHECK", "COULD_NOT_CHECK", "COULD_NOT_CHECK"));
            assertTrue(r.out().contains("COULD NOT CHECK"), r.out());
            assertEquals(crossCheckStatus(work.resolve("verify-unreadable")), "broken", "could not check is broken, not failed");

            api.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest req) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html><h1>Down for maintenance</h1></html>").build();
                }
            });
            HarnessProcess.Result html = HarnessProcess.run(sim.controlEnv(), "verify", "--target", "simulator", "--app-url", sim.url(),
                    "--api-url", api.url("/").toString(), "--credentials", creds.toString(),
                    "--results", work.resolve("verify-html").toString(), "--no-report");
            assertEquals(html.code(), 8, html.console());
            assertTrue(html.err().contains("Network or timeout: could not check: 2 company is reachable, 3 /me is the account's Directory user, "
                    + "4 Standard on every company tool, 5 projects visible = active projects, 6 added to all new projects (the answer was HTML, not JSON "
                    + "(status 200))"), html.err());
        }
    }

    @Test
    public void aDeadlineThatIsNotANumberIsBadInput() {
        HarnessProcess.Result r = HarnessProcess.run(Map.of(), "verify", "--target", "simulator", "--app-url", sim.url(), "--credentials",
                creds.toString(), "--deadline", "soon", "--no-report");
        assertEquals(r.code(), 2, r.console());
        assertTrue(r.err().contains("--deadline must be a whole number, not 'soon'"), r.err());
        assertFalse(r.console().contains("Exception"), r.console());
    }

    /** The Allure status of the cross-check's test case. */
    static String crossCheckStatus(Path results) throws IOException { return crossCheckStatusNamed(results, "Cross-check through the REST API"); }

    /** The Allure status of the test case with this name. */
    static String crossCheckStatusNamed(Path results, String name) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = Sim.JSON.readTree(p.toFile());
                if (r.path("name").asText().equals(name)) return r.path("status").asText();
            }
        }
        throw new AssertionError("no cross-check result in " + results);
    }

    static JsonNode verificationJson(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = Sim.JSON.readTree(p.toFile());
                for (JsonNode step : r.path("steps")) {
                    for (JsonNode att : step.path("attachments")) {
                        if (att.get("name").asText().equals("verification.json")) return Sim.JSON.readTree(results.resolve(att.get("source").asText()).toFile());
                    }
                }
            }
        }
        throw new AssertionError("no verification.json attachment in " + results);
    }
}
