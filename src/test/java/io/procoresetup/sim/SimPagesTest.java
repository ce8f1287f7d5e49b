package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.Poll;
import io.procoresetup.support.Sim;
import io.procoresetup.support.Sim.Browserless;
import io.procoresetup.support.Sim.Reply;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

/** The simulator's pages over HTTP: the guide's navigation, wording and awkward parts. */
public class SimPagesTest {
    private Sim sim;
    private long cid;

    @BeforeClass
    public void start() { sim = new Sim(); }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @BeforeMethod
    public void fresh() { cid = sim.freshCompany(20, 3, 0, 2); }

    private String base() { return "/" + cid + "/company"; }

    @Test
    public void loginSetsSessionCookieAndLandsOnCompanyHome() {
        Browserless b = sim.loginAdmin(cid);
        Reply home = b.get(base() + "/home/list");
        assertEquals(home.status(), 200);
        assertTrue(home.body().contains("Granite Ridge Construction"));
        assertTrue(home.body().contains("Company Tools"));
        assertTrue(home.body().contains(">AA<"), "initials of Alex Admin in the header");
        assertTrue(home.body().contains("Account &amp; Admin Settings"));
    }

    @Test
    public void wrongPasswordIsRefusedWithoutSession() {
        Reply r = sim.new Browserless().post("/login", Map.of("email", "admin@example.com", "password", "nope"));
        assertEquals(r.status(), 401);
        assertTrue(r.body().contains("Invalid email or password."));
    }

    @Test
    public void pagesRedirectToLoginWithoutSessionAndAfterExpiry() {
        Browserless anon = sim.new Browserless();
        Reply r = anon.get(base() + "/service_accounts");
        assertEquals(r.status(), 302);
        assertTrue(r.header("Location").startsWith("/login?return_to="));
        Browserless b = sim.loginAdmin(cid);
        assertEquals(b.get(base() + "/service_accounts").status(), 200);
        sim.control("/faults/expire-sessions", Map.of());
        Reply expired = b.get(base() + "/service_accounts");
        assertEquals(expired.status(), 302);
        assertTrue(expired.header("Location").contains("m=expired"));
        assertTrue(b.get(expired.header("Location")).body().contains("Your session has expired"));
    }

    @Test
    public void configurableSessionExpiry() {
        sim.control("/config", Map.of("sessionTtlSeconds", 0));
        try {
            Browserless b = sim.loginAdmin(cid);
            assertEquals(b.get(base() + "/home/list").status(), 302, "a session that lives 0 s is expired at once");
        } finally {
            sim.control("/config", Map.of("sessionTtlSeconds", 28800));
        }
    }

    @Test
    public void logoutEndsTheSession() {
        Browserless b = sim.loginAdmin(cid);
        assertEquals(b.post("/logout", Map.of()).status(), 303);
        assertEquals(b.get(base() + "/home/list").status(), 302);
    }

    @Test
    public void adminSettingsHasRightHandMenuWithServiceAccounts() {
        Reply r = sim.loginAdmin(cid).get(base() + "/admin");
        assertEquals(r.status(), 200);
        assertTrue(r.body().contains("<h1>Account &amp; Admin Settings</h1>"));
        assertTrue(r.body().contains("aria-label=\"Company Settings\""));
        assertTrue(r.body().contains(">Service Accounts</a>"));
        assertTrue(r.body().contains(">App Management</a>"));
    }

    @Test
    public void userWithoutAdminRightsSeesNoAdminTools() {
        Browserless b = sim.loginNonAdmin(cid);
        Reply home = b.get(base() + "/home/list");
        assertFalse(home.body().contains("Account &amp; Admin Settings"));
        assertFalse(home.body().contains(">Admin</a>"));
        assertEquals(b.get(base() + "/admin").status(), 403);
        assertEquals(b.get(base() + "/service_accounts").status(), 403);
        Reply dir = b.get(base() + "/directory");
        assertEquals(dir.status(), 200);
        assertFalse(dir.body().contains(">Edit</a>"));
    }

    @Test
    public void createShowsCredentialsOnceAndNeverAgain() {
        Browserless b = sim.loginAdmin(cid);
        assertTrue(b.get(base() + "/service_accounts").body().contains(">New</a>"));
        assertTrue(b.get(base() + "/service_accounts/new").body().contains(">Create</button>"));
        String view = b.createAccount(cid, "laborchart-integration");
        JsonNode acct = sim.accounts(cid).get(0);
        Reply first = b.get(view);
        assertEquals(Sim.definition(first.body(), "Client ID"), acct.get("clientId").asText());
        assertEquals(Sim.definition(first.body(), "Client Secret"), acct.get("clientSecret").asText());
        assertEquals(Sim.definition(first.body(), "Company ID"), String.valueOf(cid));
        Reply again = b.get(view);
        assertFalse(again.body().contains(acct.get("clientSecret").asText()), "the secret is shown only once");
        assertTrue(Sim.definition(again.body(), "Client Secret").startsWith("Hidden"));
        assertTrue(b.get(base() + "/service_accounts").body().contains("laborchart-integration"));
    }

    @Test
    public void newAccountAppearsInDirectoryAsNameDashCompanyAtNone() {
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        assertTrue(b.get(base() + "/directory").body().contains("laborchart-integration-Granite Ridge Construction"));
        JsonNode acct = sim.accounts(cid).get(0);
        acct.get("permissions").forEach(level -> assertEquals(level.asText(), "None"));
        assertFalse(acct.get("addToNewProjects").asBoolean());
    }

    @Test
    public void invalidNamesGetProcoreErrorsAndChangeNothing() {
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "taken");
        int before = sim.audit().size();
        Map<String, String> cases = new HashMap<>();
        cases.put("", "Name can't be blank");
        cases.put("   ", "Name can't be blank");
        cases.put("taken", "Name has already been taken");
        cases.put("x".repeat(256), "Name is too long (maximum is 255 characters)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Reply r = b.post(base() + "/service_accounts", Map.of("name", c.getKey(), "app_type", "Custom"));
            assertEquals(r.status(), 422, "name '" + c.getKey() + "'");
            assertTrue(r.body().replace("&#39;", "'").contains(c.getValue()), "expected " + c.getValue());   // as a browser reads it
        }
        assertEquals(sim.audit().size(), before, "no mutation");
        assertEquals(sim.accounts(cid).size(), 1);
        b.post(base() + "/service_accounts", Map.of("name", "y".repeat(255), "app_type", "Custom"));
        assertEquals(sim.accounts(cid).size(), 2, "255 characters is allowed");
    }

    @Test
    public void creationDisabledRefusesNewWithPointerToDeveloperManagedAccounts() {
        sim.control("/config", Map.of("accountsState", "CREATION_DISABLED"));
        try {
            Browserless b = sim.loginAdmin(cid);
            int before = sim.audit().size();
            Reply page = b.get(base() + "/service_accounts/new");
            assertEquals(page.status(), 403);
            assertTrue(page.body().contains("Developer Managed Service Account"));
            Reply post = b.post(base() + "/service_accounts", Map.of("name", "x", "app_type", "Custom"));
            assertEquals(post.status(), 403);
            assertEquals(sim.audit().size(), before);
            assertEquals(sim.accounts(cid).size(), 0);
        } finally {
            sim.control("/config", Map.of("accountsState", "AVAILABLE"));
        }
    }

    @Test
    public void resetSecretIssuesNewSecretAndWipesPermissionsAndProjects() {
        Browserless b = sim.loginAdmin(cid);
        String view = b.createAccount(cid, "laborchart-integration");
        b.get(view);
        JsonNode acct = sim.accounts(cid).get(0);
        String uid = acct.get("userId").asText();
        Map<String, String> form = standardForm();
        form.put("add_to_new_projects", "1");
        assertEquals(b.post(base() + "/directory/users/" + uid + "/edit", form).status(), 303);
        runAddAll(b, uid);
        JsonNode configured = sim.accounts(cid).get(0);
        assertEquals(configured.get("projectIds").size(), 20);
        assertTrue(b.get(view).body().contains(">Reset Secret</button>"));
        assertEquals(b.post(view + "/reset_secret", Map.of()).status(), 303);
        Reply shown = b.get(view);
        JsonNode after = sim.accounts(cid).get(0);
        assertNotEquals(after.get("clientSecret").asText(), acct.get("clientSecret").asText());
        assertEquals(Sim.definition(shown.body(), "Client Secret"), after.get("clientSecret").asText(), "the new secret is shown once");
        after.get("permissions").forEach(level -> assertEquals(level.asText(), "None"));
        assertEquals(after.get("projectIds").size(), 0);
        assertFalse(after.get("addToNewProjects").asBoolean());
    }

    @Test
    public void deleteRemovesAccountAndItsDirectoryUser() {
        Browserless b = sim.loginAdmin(cid);
        String view = b.createAccount(cid, "laborchart-integration");
        assertEquals(b.post(view + "/delete", Map.of()).status(), 303);
        assertEquals(sim.accounts(cid).size(), 0);
        assertFalse(b.get(base() + "/directory").body().contains("laborchart-integration"));
    }

    @Test
    public void editUserShowsMatrixProjectSettingsAndSaves() {
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        Reply edit = b.get(base() + "/directory/users/" + uid + "/edit");
        String html = edit.body();
        for (String s : List.of(">None</button>", ">Read Only</button>", ">Standard</button>", ">Admin</button>",
                "<h2 id=\"h-ps\">Project Settings</h2>", "Default Permission Template",
                "Add laborchart-integration-Granite Ridge Construction to all new projects in Granite Ridge Construction",
                ">Save</button>", "Current Project Settings",
                "Projects laborchart-integration-Granite Ridge Construction Does Not Belong To", ">Add All</button>",
                "role=\"progressbar\"", ">Add</button>")) {
            assertTrue(html.contains(s), "edit page lacks " + s);
        }
        Map<String, String> form = standardForm();
        form.put("add_to_new_projects", "1");
        Reply saved = b.post(base() + "/directory/users/" + uid + "/edit", form);
        assertEquals(saved.status(), 303);
        JsonNode acct = sim.accounts(cid).get(0);
        acct.get("permissions").forEach(level -> assertEquals(level.asText(), "Standard"));
        assertTrue(acct.get("addToNewProjects").asBoolean());
        assertTrue(b.get(saved.header("Location")).body().contains("value=\"1\" checked"));
    }

    @Test
    public void addAllWith200ProjectsRisesMonotonicallyToCompleteWithEveryActiveProject() {
        cid = sim.freshCompany(200, 7, 0, 0);
        sim.control("/config", Map.of("addAllMillisPerProject", 3));
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        List<Integer> seen = runAddAll(b, uid);
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "percent never falls: " + seen);
        assertEquals((int) seen.get(seen.size() - 1), 100);
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 100), "progress was seen between 0 and 100: " + seen);
        JsonNode acct = sim.accounts(cid).get(0);
        JsonNode company = sim.controlGet("/companies/" + cid);
        List<String> assigned = new ArrayList<>();
        acct.get("projectIds").forEach(p -> assigned.add(p.asText()));
        List<String> active = new ArrayList<>();
        company.get("activeProjectIds").forEach(p -> active.add(p.asText()));
        assertEquals(assigned.size(), 200);
        assertEquals(new java.util.HashSet<>(assigned), new java.util.HashSet<>(active), "every active project, no inactive one");
        String page = b.get(base() + "/directory/users/" + uid + "/edit").body();
        assertTrue(page.contains("Does Not Belong To (<span class=\"count\">0</span>)"));
    }

    @Test
    public void addAllCancelStopsAndAddAllResumes() {
        cid = sim.freshCompany(200, 0, 0, 0);
        sim.control("/config", Map.of("addAllMillisPerProject", 5));
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        String job = base() + "/directory/users/" + uid + "/add_all";
        b.post(job, Map.of());
        Poll.until(() -> b.get(job).json(), s -> s.get("percent").asInt() >= 10, Duration.ofSeconds(20), "10%");
        JsonNode cancelled = b.post(job + "/cancel", Map.of()).json();
        assertEquals(cancelled.get("state").asText(), "cancelled");
        int addedAtCancel = sim.accounts(cid).get(0).get("projectIds").size();
        assertTrue(addedAtCancel > 0 && addedAtCancel < 200, "stopped part way: " + addedAtCancel);
        assertEquals(b.get(job).json().get("state").asText(), "cancelled", "it stays stopped");
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), addedAtCancel);
        b.post(job, Map.of());
        JsonNode done = Poll.until(() -> b.get(job).json(), s -> !s.get("state").asText().equals("running"), Duration.ofSeconds(30), "complete");
        assertEquals(done.get("state").asText(), "complete");
        assertEquals(done.get("total").asInt(), 200 - addedAtCancel, "the resumed job only moves the rest");
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), 200);
    }

    @Test
    public void noAddAllAt2000ActiveProjects() {
        cid = sim.freshCompany(2000, 0, 0, 0);
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        String page = b.get(base() + "/directory/users/" + uid + "/edit").body();
        assertFalse(page.contains(">Add All</button>"));
        assertTrue(page.contains("2,000 or more active projects"));
        assertEquals(b.post(base() + "/directory/users/" + uid + "/add_all", Map.of()).status(), 422);
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), 0);
        cid = sim.freshCompany(1999, 0, 0, 0);
        Browserless b2 = sim.loginAdmin(cid);
        b2.createAccount(cid, "laborchart-integration");
        String uid2 = sim.accounts(cid).get(0).get("userId").asText();
        assertTrue(b2.get(base() + "/directory/users/" + uid2 + "/edit").body().contains(">Add All</button>"), "1,999 still has Add All");
    }

    @Test
    public void addAllSkipsProjectsWithoutDirectory() {
        cid = sim.freshCompany(10, 0, 3, 0);
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        runAddAll(b, uid);
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), 7);
    }

    @Test
    public void addAllStallAndFailureFaults() {
        cid = sim.freshCompany(50, 0, 0, 0);
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        String job = base() + "/directory/users/" + uid + "/add_all";
        sim.control("/faults/add-all", Map.of("failAt", 40));
        b.post(job, Map.of());
        JsonNode failed = Poll.until(() -> b.get(job).json(), s -> !s.get("state").asText().equals("running"), Duration.ofSeconds(20), "failure");
        assertEquals(failed.get("state").asText(), "failed");
        assertEquals(failed.get("percent").asInt(), 40);
        sim.control("/faults/add-all", Map.of("stallAt", 80));
        b.post(job, Map.of());
        Poll.until(() -> b.get(job).json(), s -> s.get("percent").asInt() >= 80, Duration.ofSeconds(20), "stall point");
        JsonNode stalled = b.get(job).json();
        assertEquals(stalled.get("state").asText(), "running");
        assertTrue(stalled.get("percent").asInt() < 100);
        sim.control("/faults/clear", Map.of());
        Poll.until(() -> b.get(job).json(), s -> s.get("state").asText().equals("complete"), Duration.ofSeconds(20), "complete after the stall is lifted");
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), 50);
    }

    @Test
    public void serverErrorFaultRendersErrorPageOnce() {
        Browserless b = sim.loginAdmin(cid);
        sim.control("/faults/error", Map.of("path", base() + "/service_accounts", "status", 500, "count", 1));
        Reply r = b.get(base() + "/service_accounts");
        assertEquals(r.status(), 500);
        assertTrue(r.body().contains("something went wrong"));
        assertEquals(b.get(base() + "/service_accounts").status(), 200);
    }

    @Test
    public void renamedLabelShowsInPage() {
        sim.control("/labels", Map.of("addAll", "Add all projects"));
        Browserless b = sim.loginAdmin(cid);
        b.createAccount(cid, "laborchart-integration");
        String uid = sim.accounts(cid).get(0).get("userId").asText();
        String page = b.get(base() + "/directory/users/" + uid + "/edit").body();
        assertTrue(page.contains(">Add all projects</button>"));
        assertFalse(page.contains(">Add All</button>"));
        assertEquals(sim.control("/labels", Map.of("noSuchLabel", "x")).status(), 400);
    }

    @Test
    public void unknownCompanyAndUserAndAccountAre404() {
        Browserless b = sim.loginAdmin(cid);
        assertEquals(b.get("/999/company/home/list").status(), 404);
        assertEquals(b.get("/abc/company/home/list").status(), 404);
        assertEquals(b.get(base() + "/directory/users/42/edit").status(), 404);
        assertEquals(b.get(base() + "/service_accounts/42").status(), 404);
        int before = sim.audit().size();
        assertEquals(b.post(base() + "/directory/users/42/edit", standardForm()).status(), 404);
        assertEquals(sim.audit().size(), before);
    }

    @Test
    public void controlApiIsOffUnlessEnabled() throws Exception {
        try (SimServer plain = SimServer.start(SimServer.Options.defaults())) {
            Reply r = Sim.send(sim.http, new okhttp3.Request.Builder().url(plain.url() + "/__control/audit").build());
            assertEquals(r.status(), 404);
        }
    }

    private Map<String, String> standardForm() {
        Map<String, String> form = new HashMap<>();
        for (String tool : List.of("Admin", "Directory", "Documents", "ERP Integrations", "Inspections", "Planroom",
                "Portfolio", "Reports", "Schedule", "Timecard")) {
            form.put("perm[" + tool + "]", "Standard");
        }
        return form;
    }

    /** Starts Add All and follows its status to the end; returns every percentage seen. */
    private List<Integer> runAddAll(Browserless b, String uid) {
        String job = base() + "/directory/users/" + uid + "/add_all";
        List<Integer> seen = new ArrayList<>();
        seen.add(b.post(job, Map.of()).json().get("percent").asInt());
        JsonNode end = Poll.until(() -> {
            JsonNode s = b.get(job).json();
            seen.add(s.get("percent").asInt());
            return s;
        }, s -> !s.get("state").asText().equals("running"), Duration.ofSeconds(60), "Add All to finish");
        assertEquals(end.get("state").asText(), "complete");
        assertNull(end.get("error"));
        assertNotNull(end.get("total"));
        return seen;
    }
}
