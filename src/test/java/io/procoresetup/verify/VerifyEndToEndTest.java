package io.procoresetup.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
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
        setup = HarnessProcess.run(Map.of(), "setup", "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
                "--results", work.resolve("setup-results").toString(), "--no-report");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private HarnessProcess.Result verify(String results) {
        return HarnessProcess.run(Map.of(), "verify", "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
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
