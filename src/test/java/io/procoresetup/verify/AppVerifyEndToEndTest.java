package io.procoresetup.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.sim.SimServer;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/**
 * `harness verify --route dmsa`: the app's client credentials against App Management and the app's Directory user, in a
 * real browser against the simulator, on installs made through its control API: complete, a project left out, the
 * new-projects box unticked, the app uninstalled, and no credentials at all.
 */
public class AppVerifyEndToEndTest {
    /** The simulator UI these tests face; a subclass runs them on the other one. */
    protected String ui() { return "classic"; }

    private static final String LEFT_OUT = "Left Out Tower";

    private Sim sim;
    private long cid;
    private String secret;
    private Path work;

    @BeforeClass
    public void setUpOnce() throws IOException {
        sim = new Sim(ui());
        cid = sim.freshCompany(8, 2, 0, 1);
        secret = sim.controlGet("/app").get("clientSecret").asText();
        assertFalse(secret.isBlank(), "the simulator gives its app a secret");
        work = Files.createTempDirectory("harness-app-verify-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    /** The company's active projects now (each passing run's probe adds one). */
    private int active() { return sim.controlGet("/companies/" + cid).get("activeProjects").asInt(); }

    /** Installs the app leaving out one project, the newest: "permittedProjects": N-1 permits the first N-1. Returns N. */
    private int installLeavingOutOne() {
        assertEquals(sim.control("/companies/" + cid + "/projects", Map.of("name", LEFT_OUT)).status(), 201);
        int active = active();
        install("installed", active - 1, true);
        return active;
    }

    private void install(String state, Object permitted, boolean addToNew) {
        assertEquals(sim.control("/companies/" + cid + "/app", Map.of("state", state, "permittedProjects", permitted,
                "addToNewProjects", addToNew)).status(), 201);
    }

    /** `harness verify --route dmsa` with the app's client ID, the secret in the environment only; checks the secret went nowhere. */
    private HarnessProcess.Result verify(String results, String... more) throws IOException {
        Map<String, String> env = new HashMap<>(sim.controlEnv());
        env.put("PROCORE_CLIENT_SECRET", secret);
        List<String> args = new ArrayList<>(List.of("verify", "--route", "dmsa", "--target", "simulator", "--app-url", sim.url(),
                "--client-id", SimServer.APP_CLIENT_ID, "--results", work.resolve(results).toString(), "--no-report"));
        args.addAll(List.of(more));
        HarnessProcess.Result r = HarnessProcess.run(env, args.toArray(String[]::new));
        assertSecretNowhere(r, work.resolve(results));
        return r;
    }

    private void assertSecretNowhere(HarnessProcess.Result r, Path results) throws IOException {
        assertFalse(r.console().contains(secret), "the app's client secret is on the console");
        int files = 0;
        try (Stream<Path> all = Files.walk(results)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files++;
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(secret), "the app's client secret is in " + p.getFileName());
            }
        }
        assertTrue(files > 0, "the run left Allure results to search: " + results);
    }

    private static List<String> verdicts(JsonNode checks) {
        List<String> out = new ArrayList<>();
        checks.forEach(c -> out.add(c.get("verdict").asText()));
        return out;
    }

    @Test
    public void aCompleteInstallPassesEveryCheckAndChangesNothing() throws IOException {
        install("installed", "all", true);
        int active = active();
        int before = sim.audit().size();
        HarnessProcess.Result r = verify("complete");
        assertEquals(r.code(), 0, r.console());
        JsonNode checks = VerifyEndToEndTest.verificationJson(work.resolve("complete"));
        assertEquals(verdicts(checks), List.of("PASS", "PASS", "PASS", "PASS", "PASS", "PASS"), checks.toString());
        for (int i = 0; i < 6; i++) assertEquals(checks.get(i).get("name").asText(), AppCrossCheck.NAMES.get(i));
        assertTrue(checks.get(2).get("api").asText().startsWith(SimServer.APP_NAME + " "), "/me is the app's user: " + checks.get(2));
        assertTrue(checks.get(3).get("api").asText().startsWith(active + " visible to the app"), checks.get(3).toString());
        // the manifest's levels, not "Standard everywhere"
        String listed = String.join(", ", SimServer.APP_PERMISSIONS.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        assertEquals(checks.get(4).get("ui").asText(), listed, "the Details listed the manifest's levels");
        assertEquals(checks.get(4).get("api").asText(), listed, "the API answered the manifest's levels");
        assertTrue(checks.get(5).get("api").asText().contains("visible to the app"), "check 6 proven by creating a project: " + checks.get(5));
        assertTrue(r.out().contains(AppCrossCheck.TITLE), r.out());
        List<String> changes = new ArrayList<>();
        for (JsonNode e : sim.audit()) {
            if (e.get("seq").asInt() > before && !e.get("action").asText().equals("project.create")) changes.add(e.toString());
        }
        assertTrue(changes.isEmpty(), "read-only: " + changes);
    }

    @Test
    public void aProjectLeftOutFailsTheProjectsCheckNamingIt() throws IOException {
        int active = installLeavingOutOne();
        HarnessProcess.Result r = verify("left-out");
        assertEquals(r.code(), 10, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertTrue(r.err().contains("Verification mismatch: failed checks: 4 projects visible = active projects"), r.err());
        JsonNode checks = VerifyEndToEndTest.verificationJson(work.resolve("left-out"));
        assertEquals(verdicts(checks), List.of("PASS", "PASS", "PASS", "FAIL", "PASS", "PASS"), checks.toString());
        String detail = checks.get(3).get("detail").asText();
        assertTrue(detail.startsWith("missing 1: ") && detail.contains(LEFT_OUT), detail);
        assertTrue(checks.get(3).get("ui").asText().contains("Permitted Projects (" + (active - 1) + ")"), checks.get(3).toString());
        assertEquals(VerifyEndToEndTest.crossCheckStatusNamed(work.resolve("left-out"), AppCrossCheck.TITLE), "failed");
    }

    @Test
    public void anUntickedNewProjectsBoxFailsCheckSix() throws IOException {
        install("installed", "all", false);
        HarnessProcess.Result r = verify("unticked");
        assertEquals(r.code(), 10, r.console());
        assertTrue(r.err().contains("failed checks: 6 added to all new projects"), r.err());
        JsonNode checks = VerifyEndToEndTest.verificationJson(work.resolve("unticked"));
        assertEquals(verdicts(checks), List.of("PASS", "PASS", "PASS", "PASS", "PASS", "FAIL"), checks.toString());
        assertTrue(checks.get(5).get("ui").asText().startsWith("box NOT ticked"), checks.get(5).toString());
    }

    @Test
    public void anUninstalledAppFailsNamingProcoresAnswer() throws IOException {
        install("uninstalled", "all", true);
        HarnessProcess.Result r = verify("uninstalled", "--app-version-key", SimServer.APP_VERSION_ID);
        assertEquals(r.code(), 10, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertTrue(r.err().contains("Procore says \"App is not connected to this company\""), r.err());
        JsonNode checks = VerifyEndToEndTest.verificationJson(work.resolve("uninstalled"));
        assertEquals(verdicts(checks), List.of("PASS", "FAIL", "FAIL", "FAIL", "FAIL", "FAIL"), checks.toString());
        assertTrue(checks.get(1).get("api").asText().startsWith("not among the"), checks.get(1).toString());
        for (int i = 2; i <= 4; i++) {
            assertEquals(checks.get(i).get("api").asText(), "HTTP 403: App is not connected to this company", checks.get(i).toString());
        }
        assertTrue(checks.get(0).get("ui").asText().contains("(under Uninstalled Apps)"), checks.get(0).toString());
        assertTrue(r.out().contains("App is not connected to this company"), "the table names Procore's answer");
    }

    @Test
    public void withoutTheAppsCredentialsOnlyTheUiSideIsAuditedAndSaysSo() throws IOException {
        int active = installLeavingOutOne();
        List<String> args = List.of("verify", "--route", "dmsa", "--target", "simulator", "--app-url", sim.url(),
                "--results", work.resolve("ui-only").toString(), "--no-report");
        HarnessProcess.Result r = HarnessProcess.run(sim.controlEnv(), args.toArray(String[]::new));
        assertEquals(r.code(), 10, "the UI alone shows a project left out:\n" + r.console());
        assertTrue(r.out().contains("UI only: no app credentials"), r.out());
        JsonNode checks = VerifyEndToEndTest.verificationJson(work.resolve("ui-only"));
        assertEquals(verdicts(checks), List.of("COULD_NOT_CHECK", "COULD_NOT_CHECK", "COULD_NOT_CHECK", "FAIL", "COULD_NOT_CHECK",
                "COULD_NOT_CHECK"), checks.toString());
        assertTrue(checks.get(3).get("detail").asText().startsWith("UI only: " + (active - 1) + " permitted, " + active + " active"),
                checks.get(3).toString());

        install("installed", "all", true);
        HarnessProcess.Result ok = HarnessProcess.run(sim.controlEnv(), args.toArray(String[]::new));
        assertEquals(ok.code(), 8, "nothing wrong in the UI, the API not asked: could not check\n" + ok.console());
        assertTrue(ok.err().contains("could not check") && ok.err().contains("no app credentials"), ok.err());
    }

    @Test
    public void aMalformedAppVersionKeyIsBadInputBeforeAnyBrowser() {
        HarnessProcess.Result r = HarnessProcess.run(Map.of(), "verify", "--route", "dmsa", "--app-url", sim.url(),
                "--app-version-key", "not-a-key", "--no-report");
        assertEquals(r.code(), 2, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertTrue(r.err().contains("--app-version-key must be the 36-character App Version ID"), r.err());
    }
}
