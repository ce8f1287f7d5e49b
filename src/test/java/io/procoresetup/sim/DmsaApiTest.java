package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.Sim;
import io.procoresetup.support.Sim.Browserless;
import io.procoresetup.support.Sim.Reply;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * The DMSA route's API as the vendor's app sees it (REFERENCE.md section 7): its own client credentials, 403 "App is
 * not connected to this company" until installed and after uninstall, its Directory user, its permitted projects,
 * the manifest's levels, resets on reinstall and update, and new projects only with the box ticked.
 */
public class DmsaApiTest {
    private static final String NOT_CONNECTED = "App is not connected to this company";
    private Sim sim;
    private SimServer.App app;
    private long cid;

    @BeforeClass
    public void start() {
        sim = new Sim();
        app = sim.server.app();
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @BeforeMethod
    public void fresh() {
        cid = sim.freshCompany(12, 2, 0, 1);
        sim.control("/config", Map.of("spikeLimit", 100000));
    }

    private String token() {
        Reply r = sim.token(app.clientId(), app.clientSecret());
        assertEquals(r.status(), 200, r.body());
        return r.json().get("access_token").asText();
    }

    private JsonNode seed(String state, Object permitted, boolean addToNew) {
        Reply r = sim.control("/companies/" + cid + "/app", Map.of("state", state, "permittedProjects", permitted, "addToNewProjects", addToNew));
        assertEquals(r.status(), 201, r.body());
        return r.json();
    }

    private List<String> companyScoped() {
        return List.of("/rest/v1.0/me", "/rest/v1.0/projects?company_id=" + cid, "/rest/v1.1/projects?company_id=" + cid,
                "/rest/v1.0/companies/" + cid + "/users", "/rest/v1.0/settings/permissions?company_id=" + cid);
    }

    private void assertNotConnected(String token) {
        for (String path : companyScoped()) {
            Reply r = sim.api(path, token, cid);
            assertEquals(r.status(), 403, path + ": " + r.body());
            assertEquals(r.json().get("error").get("message").asText(), NOT_CONNECTED, path);
        }
    }

    private Set<String> projectIds(String token) {
        Set<String> ids = new HashSet<>();
        for (JsonNode p : sim.api("/rest/v1.0/projects?company_id=" + cid + "&per_page=1000", token, cid).json()) ids.add(p.get("id").asText());
        return ids;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private long appId(Browserless admin) {
        JsonNode rows = admin.get("/" + cid + "/company/ui-data/app_management?tab=installed").json();
        if (rows.isEmpty()) rows = admin.get("/" + cid + "/company/ui-data/app_management?tab=uninstalled").json();
        return rows.get(0).get("id").asLong();
    }

    @Test
    public void theAppsOwnCredentialsGetATokenEvenBeforeAnyInstallAndAWrongSecretDoesNot() {
        Reply ok = sim.token(app.clientId(), app.clientSecret());
        assertEquals(ok.status(), 200);
        assertEquals(ok.json().get("token_type").asText(), "bearer");
        assertEquals(ok.json().get("expires_in").asLong(), 5400);
        Reply bad = sim.token(app.clientId(), "0".repeat(64));
        assertEquals(bad.status(), 401);
        assertEquals(bad.json().get("error").asText(), "invalid_client");
        assertEquals(app.versionId().length(), 36, "an App Version ID has 36 characters");
    }

    @Test
    public void companyScopedCallsAreRefusedBeforeInstallAndAfterUninstall() {
        String token = token();
        assertNotConnected(token);
        seed("installed", 3, false);
        for (String path : companyScoped()) assertEquals(sim.api(path, token, cid).status(), 200, path);
        Browserless admin = sim.loginAdmin(cid);
        assertEquals(admin.post("/" + cid + "/company/app_management/apps/" + appId(admin) + "/uninstall", Map.of()).status(), 303);
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("state").asText(), "uninstalled");
        assertNotConnected(token);
    }

    @Test
    public void companiesListsOnlyTheCompaniesWhereTheAppIsInstalled() {
        String token = token();
        Reply none = sim.api("/rest/v1.0/companies", token, cid);
        assertEquals(none.status(), 200);
        assertEquals(none.json().size(), 0, "installed nowhere yet");
        long other = sim.control("/companies", Map.of("name", "Other Builders", "projects", 2)).json().get("id").asLong();
        assertEquals(sim.control("/companies/" + other + "/app", Map.of("state", "installed")).status(), 201);
        JsonNode list = sim.api("/rest/v1.0/companies", token, cid).json();
        assertEquals(list.size(), 1);
        assertEquals(list.get(0).get("id").asLong(), other);
        assertEquals(list.get(0).get("name").asText(), "Other Builders");
        seed("installed", 0, false);
        List<Long> ids = new ArrayList<>();
        sim.api("/rest/v1.0/companies", token, cid).json().forEach(c -> ids.add(c.get("id").asLong()));
        assertEquals(new HashSet<>(ids), Set.of(cid, other));
    }

    @Test
    public void meIsTheAppsDirectoryUserNamedAfterTheAppPlusARandomString() {
        JsonNode seeded = seed("installed", 0, false);
        JsonNode me = sim.api("/rest/v1.0/me", token(), cid).json();
        assertEquals(me.get("id").asText(), seeded.get("userId").asText());
        String name = me.get("name").asText();
        assertEquals(name, seeded.get("directoryName").asText());
        assertTrue(name.startsWith(app.name() + " ") && name.length() > app.name().length() + 3, name);
        assertTrue(me.get("login").asText().startsWith("laborchart-sync-"), me.get("login").asText());
        String firstName = name;
        long other = sim.control("/companies", Map.of("name", "Other Builders", "projects", 1)).json().get("id").asLong();
        String otherName = sim.control("/companies/" + other + "/app", Map.of("state", "installed")).json().get("directoryName").asText();
        assertNotEquals(otherName, firstName, "each install makes its own user");
    }

    @Test
    public void projectListsShowOnlyThePermittedProjects() {
        JsonNode seeded = seed("installed", 5, false);
        String token = token();
        assertEquals(projectIds(token), strings(seeded.get("permittedProjectIds")));
        assertEquals(projectIds(token).size(), 5, "12 active projects, 5 permitted");
        JsonNode v11 = sim.api("/rest/v1.1/projects?company_id=" + cid, token, cid).json();
        assertEquals(v11.size(), 5);
    }

    @Test
    public void thePermissionsEndpointAnswersTheManifestsLevels() {
        seed("installed", 0, false);
        JsonNode tools = sim.api("/rest/v1.0/settings/permissions?company_id=" + cid, token(), cid).json().get("tools");
        assertEquals(tools.size(), 10);
        for (JsonNode t : tools) {
            String tool = t.get("friendly_name").asText();
            assertEquals(t.get("user_access_level").get("name").asText(), SimServer.APP_PERMISSIONS.getOrDefault(tool, "None"), tool);
        }
    }

    @Test
    public void savingTheAppUsersEditPageKeepsTheManifestsLevels() {
        JsonNode seeded = seed("installed", 0, false);
        Browserless admin = sim.loginAdmin(cid);
        String edit = "/" + cid + "/company/directory/users/" + seeded.get("userId").asText() + "/edit";
        assertEquals(admin.post(edit, Map.of("perm[Admin]", "Admin", "perm[Directory]", "Admin", "add_to_new_projects", "1")).status(), 303);
        JsonNode after = sim.controlGet("/companies/" + cid + "/app");
        assertTrue(after.get("addToNewProjects").asBoolean());
        assertEquals(after.get("permissions").get("Admin").asText(), "None");
        assertEquals(after.get("permissions").get("Directory").asText(), "Read Only");
    }

    @Test
    public void reinstallAndUpdateResetThePermittedProjects() {
        seed("installed", 4, false);
        String token = token();
        assertEquals(projectIds(token).size(), 4);
        Browserless admin = sim.loginAdmin(cid);
        String appPath = "/" + cid + "/company/app_management/apps/" + appId(admin);
        assertEquals(admin.post(appPath + "/uninstall", Map.of()).status(), 303);
        assertEquals(admin.post(appPath + "/reinstall", Map.of()).status(), 303);
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("state").asText(), "installed");
        assertEquals(projectIds(token).size(), 0, "a reinstall resets the permitted projects");

        seed("installed", 6, false);
        assertEquals(projectIds(token).size(), 6);
        assertEquals(sim.control("/companies/" + cid + "/app/update", Map.of()).status(), 200);
        assertEquals(projectIds(token).size(), 0, "an update resets them too");
    }

    @Test
    public void aNewProjectReachesTheAppOnlyWhenTheBoxIsTicked() {
        JsonNode seeded = seed("installed", 2, false);
        String token = token();
        String before = sim.control("/companies/" + cid + "/projects", Map.of("name", "Unticked Tower")).json().get("id").asText();
        assertFalse(projectIds(token).contains(before), "box not ticked: the new project stays away");
        Browserless admin = sim.loginAdmin(cid);
        admin.post("/" + cid + "/company/directory/users/" + seeded.get("userId").asText() + "/edit", Map.of("add_to_new_projects", "1"));
        String after = sim.control("/companies/" + cid + "/projects", Map.of("name", "Ticked Tower")).json().get("id").asText();
        Set<String> ids = projectIds(token);
        assertTrue(ids.contains(after), "box ticked: the new project reaches the app");
        assertFalse(ids.contains(before));
        assertEquals(ids.size(), 3);
    }

    @Test
    public void anUninstalledAppsUserLeavesTheDirectoryAndGetsNoNewProjects() {
        seed("uninstalled", 3, true);
        Browserless admin = sim.loginAdmin(cid);
        JsonNode users = admin.get("/" + cid + "/company/ui-data/directory").json().get("users");
        users.forEach(u -> assertFalse(u.get("name").asText().startsWith(app.name()), "listed: " + u));
        sim.control("/companies/" + cid + "/projects", Map.of("name", "Later"));
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("permittedProjectIds").size(), 0);
    }

    @Test
    public void theSunsetOfTraditionalAccountsLeavesTheAppWorking() {
        seed("installed", 1, false);
        try {
            sim.control("/config", Map.of("accountsState", "SUNSET"));
            assertEquals(sim.api("/rest/v1.0/me", token(), cid).status(), 200);
        } finally {
            sim.control("/config", Map.of("accountsState", "AVAILABLE"));
        }
    }

    @Test
    public void theInstallStepsRefuseAWrongIdAndInstallNothing() {
        Browserless admin = sim.loginAdmin(cid);
        String base = "/" + cid + "/company/app_management";
        for (String id : List.of("", "not-a-version-id", "00000000-0000-4000-8000-000000000000")) {
            Reply r = admin.post(base + "/install", Map.of("version_id", id));
            assertEquals(r.status(), 422, id);
        }
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("state").asText(), "absent");
        assertEquals(admin.post(base + "/lookup", Map.of("version_id", app.versionId())).status(), 200, "the confirmation");
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("state").asText(), "absent", "confirming is not installing");
    }

    @Test
    public void aServerErrorOnInstallInstallsNothingAndTheNextTryWorks() {
        Browserless admin = sim.loginAdmin(cid);
        String install = "/" + cid + "/company/app_management/install";
        sim.control("/faults/error", Map.of("method", "POST", "pathRegex", ".*/app_management/install", "status", 500, "count", 1));
        assertEquals(admin.post(install, Map.of("version_id", app.versionId())).status(), 500);
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("state").asText(), "absent");
        assertEquals(admin.post(install, Map.of("version_id", app.versionId())).status(), 303);
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("state").asText(), "installed");
        assertEquals(admin.post(install, Map.of("version_id", app.versionId())).status(), 422, "an installed app is not installed twice");
    }
}
