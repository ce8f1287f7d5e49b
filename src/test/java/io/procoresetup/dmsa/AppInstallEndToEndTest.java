package io.procoresetup.dmsa;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.sim.SimServer;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Today's route end to end: `./harness setup --route dmsa` and `plan --route dmsa` as processes, real Chromium,
 * against a running simulator over HTTP. Fresh install, already installed, uninstalled then reinstalled, wrong
 * key, consent refused, a failure at each step then resumed, and plan on each state changing nothing.
 */
public class AppInstallEndToEndTest {
    private static final int PROJECTS = 12;

    /** The simulator UI these tests face; a subclass runs them on the other one. */
    protected String ui() { return "classic"; }

    private Sim sim;
    private Path work;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim(ui());
        work = Files.createTempDirectory("harness-dmsa-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private HarnessProcess.Result harness(String cmd, String... extra) {
        List<String> args = new ArrayList<>(List.of(cmd, "--route", "dmsa", "--app-url", sim.url(),
                "--results", work.resolve(cmd + "-" + System.nanoTime()).toString(), "--no-report"));
        if (!List.of(extra).contains("--app-version-key")) args.addAll(List.of("--app-version-key", SimServer.APP_VERSION_ID));
        args.addAll(List.of(extra));
        return HarnessProcess.run(sim.controlEnv(), args.toArray(String[]::new));
    }

    private JsonNode app(long cid) { return sim.controlGet("/companies/" + cid + "/app"); }

    private Set<String> activeProjects(long cid) {
        Set<String> out = new HashSet<>();
        sim.controlGet("/companies/" + cid).get("activeProjectIds").forEach(n -> out.add(n.asText()));
        return out;
    }

    private Set<String> permitted(long cid) {
        Set<String> out = new HashSet<>();
        JsonNode ids = app(cid).get("permittedProjectIds");
        if (ids != null) ids.forEach(n -> out.add(n.asText()));
        return out;
    }

    private final Map<Long, Integer> usersBefore = new java.util.concurrent.ConcurrentHashMap<>();

    /** A company without the app, remembering how many users it had. */
    private long freshCompany() {
        long cid = sim.freshCompany(PROJECTS, 2, 0, 0);
        usersBefore.put(cid, sim.controlGet("/companies/" + cid).path("users").asInt());
        return cid;
    }

    /** The users the app added to the company: exactly one, however often setup ran. */
    private long appUsers(long cid) { return sim.controlGet("/companies/" + cid).path("users").asInt() - usersBefore.get(cid); }

    private long appInstalls(long cid) {
        long n = 0;
        for (JsonNode e : sim.audit()) {
            if (e.path("companyId").asLong() == cid && e.path("action").asText().matches("app\\.(install|reinstall)")) n++;
        }
        return n;
    }

    private void assertSetUp(long cid) {
        JsonNode app = app(cid);
        assertEquals(app.path("state").asText(), "installed", app.toString());
        assertEquals(permitted(cid), activeProjects(cid), "every active project is permitted, no other");
        assertTrue(app.path("addToNewProjects").asBoolean(), "the box is ticked: " + app);
        assertEquals(appUsers(cid), 1, "one Directory user for the app");
    }

    @Test
    public void freshInstallThenASecondRunChangesNothing() {
        long cid = freshCompany();
        HarnessProcess.Result r = harness("setup");
        assertEquals(r.code(), 0, r.console());
        assertTrue(r.out().contains("[2/4] Install the App") && r.out().contains("installed " + SimServer.APP_NAME), r.out());
        assertTrue(r.out().contains("Company ID " + cid), "the vendor is told the Company ID: " + r.out());
        assertSetUp(cid);
        assertEquals(appInstalls(cid), 1);
        int before = sim.audit().size();
        // the second run as the vendor runs it: with the app's client ID, its secret in the environment only
        String secret = sim.controlGet("/app").get("clientSecret").asText();
        Map<String, String> env = new java.util.HashMap<>(sim.controlEnv());
        env.put("PROCORE_CLIENT_SECRET", secret);
        List<String> args = new ArrayList<>(List.of("setup", "--route", "dmsa", "--app-url", sim.url(), "--app-version-key", SimServer.APP_VERSION_ID,
                "--client-id", SimServer.APP_CLIENT_ID, "--results", work.resolve("setup-client-id").toString(), "--no-report"));
        HarnessProcess.Result again = HarnessProcess.run(env, args.toArray(String[]::new));
        assertEquals(again.code(), 0, again.console());
        assertTrue(again.out().contains("is already installed: reusing it"), again.out());
        assertTrue(again.out().contains("nothing was changed"), again.out());
        assertEquals(again.out().lines().filter(l -> l.matches("^\\d\\s+.*\\bPASS\\b.*")).count(), 6L, "all six checks, the API side too: " + again.out());
        assertFalse(again.out().contains("was not checked"), again.out());
        assertFalse(again.console().contains(secret), "the app's secret is in no console line");
        // with the app's credentials the cross-check proves new projects reach the app: its one probe project is all
        List<String> added = new ArrayList<>();
        sim.audit().forEach(e -> added.add(e.path("action").asText()));
        assertEquals(added.subList(before, added.size()), List.of("project.create"), "the second run changed nothing but its probe project");
        assertSetUp(cid);
    }

    @Test
    public void uninstalledAppIsReinstalledAndItsProjectsPermittedAgain() {
        long cid = freshCompany();
        sim.control("/companies/" + cid + "/app", Map.of("state", "uninstalled", "permittedProjects", "all", "addToNewProjects", true));
        HarnessProcess.Result r = harness("setup");
        assertEquals(r.code(), 0, r.console());
        assertTrue(r.out().contains("reinstalled " + SimServer.APP_NAME), r.out());
        assertTrue(r.out().contains("permitted " + activeProjects(cid).size() + " projects"), "reinstall reset them, setup added them again: " + r.out());
        assertSetUp(cid);
    }

    @Test
    public void installedAppWithProjectsMissingGetsOnlyTheRest() {
        long cid = freshCompany();
        sim.control("/companies/" + cid + "/app", Map.of("state", "installed", "permittedProjects", PROJECTS - 3, "addToNewProjects", false));
        long seeded = appInstalls(cid);
        HarnessProcess.Result r = harness("setup");
        assertEquals(r.code(), 0, r.console());
        assertTrue(r.out().contains("is already installed: reusing it") && r.out().contains("permitted 3 projects"), r.out());
        assertSetUp(cid);
        assertEquals(appInstalls(cid), seeded, "reused, not installed again");
    }

    @Test
    public void aKeyProcoreDoesNotKnowInstallsNothing() {
        long cid = freshCompany();
        int before = sim.audit().size();
        HarnessProcess.Result r = harness("setup", "--app-version-key", "00000000-1111-4222-8333-444444444444");
        assertEquals(r.code(), 2, r.console());
        assertTrue(r.err().contains("No app matches this App Version ID"), "Procore's inline error, in one line: " + r.err());
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertEquals(app(cid).path("state").asText(), "absent");
        assertEquals(sim.audit().size(), before);
    }

    @Test
    public void aMalformedKeyStopsBeforeAnyBrowserOpens() {
        HarnessProcess.Result r = harness("setup", "--app-version-key", "7b1f5e2c3a944d6b9c8e2f4a6d1b0e53");
        assertEquals(r.code(), 2, r.console());
        assertTrue(r.err().contains("--app-version-key must be the 36-character App Version ID"), r.err());
        assertFalse(r.out().contains("Signed in"), "no browser: " + r.out());
        HarnessProcess.Result none = HarnessProcess.run(Map.of(), "setup", "--route", "dmsa", "--app-url", sim.url(), "--no-report");
        assertEquals(none.code(), 2, none.console());
        assertTrue(none.err().contains("--route dmsa needs --app-version-key"), none.err());
    }

    @Test
    public void consentForAnotherCompanyChangesNothing() {
        long cid = freshCompany();
        int before = sim.audit().size();
        HarnessProcess.Result r = HarnessProcess.run(Map.of("PROCORE_PASSWORD", "procore-sim"), "setup", "--route", "dmsa",
                "--app-version-key", SimServer.APP_VERSION_ID, "--target", "sandbox", "--app-url", sim.url(), "--user", "admin@example.com",
                "--company", String.valueOf(cid), "--consent", String.valueOf(cid + 1), "--results", work.resolve("consent").toString(),
                "--no-report");
        assertEquals(r.code(), 4, r.console());
        assertEquals(app(cid).path("state").asText(), "absent");
        assertEquals(sim.audit().size(), before);
    }

    @Test
    public void consentIsAskedNamingTheAppAndWhatItMayDo() {
        long cid = freshCompany();
        HarnessProcess.Result r = HarnessProcess.run(Map.of("PROCORE_PASSWORD", "procore-sim"), "setup", "--route", "dmsa",
                "--app-version-key", SimServer.APP_VERSION_ID, "--target", "sandbox", "--app-url", sim.url(), "--user", "admin@example.com",
                "--company", String.valueOf(cid), "--consent", String.valueOf(cid), "--results", work.resolve("consent-ok").toString(),
                "--no-report");
        assertEquals(r.code(), 0, r.console());
        assertSetUp(cid);
    }

    /** A failure injected at each step, then the same command again: one app, every project, nothing twice. */
    @DataProvider
    public Object[][] failures() {
        return new Object[][] {
                {"step 1: App Management gone from the menu", "/variants", Map.of("appManagementMissing", true), 7},
                {"step 2: Install answers a server error", "/faults/error", Map.of("method", "POST", "pathRegex", ".*/app_management/install$",
                        "status", 500), -1},
                {"step 3: Add answers a server error", "/faults/error", Map.of("method", "POST", "pathRegex", ".*/permitted_projects$",
                        "status", 500), -1},
                {"step 4: Save answers a server error", "/faults/error", Map.of("method", "POST", "pathRegex", ".*/directory/users/.*/edit$",
                        "status", 500), -1},
        };
    }

    @Test(dataProvider = "failures")
    public void aFailureAtAnyStepIsResumedByRunningAgain(String what, String fault, Map<String, Object> body, int exit) {
        long cid = freshCompany();
        sim.control(fault, body);
        HarnessProcess.Result failed = harness("setup");
        sim.control("/faults/clear", Map.of());
        sim.control("/variants", Map.of());
        assertTrue(failed.code() != 0, what + ": the run stopped: " + failed.console());
        if (exit > 0) assertEquals(failed.code(), exit, failed.console());
        assertEquals(failed.err().strip().lines().count(), 1L, "one line: " + failed.err());
        HarnessProcess.Result resumed = harness("setup");
        assertEquals(resumed.code(), 0, what + ": " + resumed.console());
        assertSetUp(cid);
        assertTrue(appInstalls(cid) <= 1, what + ": installed at most once: " + appInstalls(cid));
    }

    /** Plan's to-do steps by number; it must change nothing. */
    private String plan() {
        int before = sim.audit().size();
        HarnessProcess.Result r = harness("plan");
        assertEquals(r.code(), 0, r.console());
        assertEquals(sim.audit().size(), before, "plan changed nothing");
        StringBuilder todo = new StringBuilder();
        Matcher m = Pattern.compile("\\[to do\\] (\\d)").matcher(r.out());
        while (m.find()) todo.append(m.group(1));
        Matcher done = Pattern.compile("\\[done\\]  (\\d)").matcher(r.out());
        int doneCount = 0;
        while (done.find()) doneCount++;
        assertEquals(todo.length() + doneCount, 4, "all four steps are listed: " + r.out());
        return todo.toString();
    }

    @Test
    public void planNamesExactlyWhatEachStateLacksAndChangesNothing() {
        long cid = freshCompany();
        assertEquals(plan(), "1234", "absent: everything");
        sim.control("/companies/" + cid + "/app", Map.of("state", "uninstalled", "permittedProjects", "all", "addToNewProjects", true));
        assertEquals(plan(), "1234", "uninstalled: reinstall, which resets the projects");
        sim.control("/companies/" + cid + "/app", Map.of("state", "installed", "permittedProjects", PROJECTS - 1, "addToNewProjects", false));
        assertEquals(plan(), "34", "installed, one project and the box missing");
        sim.control("/companies/" + cid + "/app", Map.of("state", "installed", "permittedProjects", "all", "addToNewProjects", true));
        assertEquals(plan(), "", "complete");
    }

    @Test
    public void regressionInventoryOfTheAppPagesNamesWhatChanged() {
        long cid = freshCompany();
        HarnessProcess.Result clean = harness("regression", "--inventory-only");
        assertEquals(clean.code(), 0, clean.console());
        Matcher found = Pattern.compile("UI inventory: (\\d+) of (\\d+) landmarks and elements found on (\\d+) pages").matcher(clean.out());
        assertTrue(found.find(), clean.out());
        assertEquals(found.group(1), found.group(2), "all found: " + clean.out());
        assertTrue(Integer.parseInt(found.group(3)) >= 9, "App Management, the install dialog, the app's page and tab, its user: " + clean.out());
        assertEquals(app(cid).path("state").asText(), "installed", "the simulator seeded an installed app to look at");
        sim.control("/variants", Map.of("permissionsTabMissing", true));
        try {
            HarnessProcess.Result drift = harness("regression", "--inventory-only");
            assertEquals(drift.code(), 7, drift.console());
            assertTrue(drift.console().contains("\"Permissions\" tab"), "names the element that went: " + drift.console());
        } finally {
            sim.control("/variants", Map.of());
        }
    }
}
