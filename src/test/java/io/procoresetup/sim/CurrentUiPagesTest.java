package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.Sim;
import io.procoresetup.support.Sim.Browserless;
import io.procoresetup.support.Sim.Reply;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The simulator's current UI over HTTP: built like Procore's current web app (no ids, hashed classes, no
 * test attributes, lists fetched from small JSON endpoints, both company URL forms), over the same model.
 */
public class CurrentUiPagesTest {
    private static final Pattern CLASS = Pattern.compile("class=\"([^\"]*)\"");
    private Sim sim;
    private long cid;
    private long uid;
    private Browserless admin;

    @BeforeClass
    public void start() {
        sim = new Sim("current");
        cid = sim.freshCompany(12, 2, 0, 2);
        uid = Long.parseLong(sim.control("/companies/" + cid + "/accounts", Map.of("name", "svc")).json().get("userId").asText());
        admin = sim.loginAdmin(cid);
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private List<String> pages() {
        JsonNode app = sim.control("/companies/" + cid + "/app", Map.of("state", "installed", "permittedProjects", 2)).json();
        long appId = admin.get("/companies/" + cid + "/ui-data/app_management").json().get(0).get("id").asLong();
        return List.of("/" + cid + "/company/home/list", "/" + cid + "/company/admin", "/companies/" + cid + "/service_accounts",
                "/companies/" + cid + "/service_accounts/new", "/companies/" + cid + "/directory",
                "/companies/" + cid + "/directory/users/" + uid + "/edit", "/login",
                "/companies/" + cid + "/app_management", "/companies/" + cid + "/app_management?tab=uninstalled&dialog=install",
                "/companies/" + cid + "/app_management/apps/" + appId + "?tab=permissions",
                "/companies/" + cid + "/directory/users/" + app.get("userId").asText() + "/edit");
    }

    @Test
    public void pagesHaveNoIdsNoTestAttributesAndOnlyHashedClassNames() {
        for (String path : pages()) {
            Reply r = path.equals("/login") ? sim.get(path) : admin.get(path);
            assertEquals(r.status(), 200, path);
            assertFalse(r.body().contains(" id=\""), path + " has an id");
            assertFalse(r.body().contains(" for=\""), path + " has a label pointing at an id");
            assertFalse(Pattern.compile(" data-[a-z-]+").matcher(r.body()).find(), path + " has a data-* attribute");
            Matcher m = CLASS.matcher(r.body());
            while (m.find()) {
                for (String c : m.group(1).split("\\s+")) assertTrue(c.matches("css-[0-9a-z]+"), path + ": class " + c);
            }
        }
    }

    @Test
    public void classNamesChangeFromOneStartToTheNext() {
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (Sim other = new Sim("current")) {
                Browserless b = other.loginAdmin(other.companyId());
                Matcher m = CLASS.matcher(b.get("/" + other.companyId() + "/company/home/list").body());
                assertTrue(m.find());
                classes.add(m.group(1));
            }
        }
        assertFalse(classes.get(0).equals(classes.get(1)), "a new build, new hashes: " + classes);
    }

    @Test
    public void headerControlsHaveACaptionOverTheirValueAndMenusWaitInATemplate() {
        String home = admin.get("/" + cid + "/company/home/list").body();
        assertTrue(Pattern.compile(">Company</span><span[^>]*>Granite Ridge Construction</span>").matcher(home).find(), "Company over its name");
        assertTrue(Pattern.compile(">Company Tools</span><span[^>]*>Home</span>").matcher(home).find(), "Company Tools over the tool");
        assertTrue(home.indexOf("<template>") > home.indexOf("role=\"banner\""), "menus are not inside the header: a script mounts them");
        assertFalse(home.substring(0, home.indexOf("<template>")).contains("role=\"menu\""), "no menu in the page until one is opened");
    }

    @Test
    public void listsArriveFromJsonEndpointsNotInTheDocument() {
        String accounts = admin.get("/companies/" + cid + "/service_accounts").body();
        assertFalse(accounts.contains(">svc<"), "the document has no rows");
        assertTrue(accounts.contains("aria-busy=\"true\""), "a skeleton while loading");
        JsonNode list = admin.get("/companies/" + cid + "/ui-data/service_accounts").json();
        assertEquals(list.get(0).get("name").asText(), "svc");
        JsonNode users = admin.get("/" + cid + "/company/ui-data/directory?search=svc").json();
        assertEquals(users.get("users").size(), 1);
        JsonNode projects = admin.get("/companies/" + cid + "/ui-data/users/" + uid + "/projects").json();
        assertEquals(projects.get("others").size(), 12, "every active project is still to add");
        assertEquals(projects.get("current").size(), 0);
        assertEquals(sim.get("/companies/" + cid + "/ui-data/service_accounts").status(), 302, "signed out: to the login page");
    }

    @Test
    public void editUserShowsTemplateChoiceSegmentedLevelsAndNewProjectSettingsWithoutAPercentage() {
        String edit = admin.get("/companies/" + cid + "/directory/users/" + uid + "/edit").body();
        assertTrue(edit.contains(">Company Permissions Template<"));
        assertTrue(edit.contains("Do Not Apply a Permission Template"));
        assertTrue(edit.contains("role=\"radiogroup\" aria-label=\"Directory\""));
        assertTrue(edit.contains(">New Project Settings<"));
        assertTrue(edit.contains("Add svc-Granite Ridge Construction to all new projects in Granite Ridge Construction"));
        assertFalse(edit.contains("progressbar"), "no percentage");
        assertFalse(edit.contains("%"), "no percentage");
    }

    @Test
    public void aTemplateChosenOnSaveOverridesTheLevelsLeftUntouchedItDoesNot() {
        String url = "/companies/" + cid + "/directory/users/" + uid + "/edit";
        assertEquals(admin.post(url, Map.of("perm[Admin]", "Standard", "company_template", "")).status(), 303);
        assertEquals(level("Admin"), "Standard", "left untouched: the levels chosen stand");
        assertEquals(admin.post(url, Map.of("perm[Admin]", "Standard", "company_template", "read_only")).status(), 303);
        assertEquals(level("Admin"), "Read Only", "a template replaces them");
    }

    private String level(String tool) {
        for (JsonNode a : sim.accounts(cid)) if (a.get("name").asText().equals("svc")) return a.get("permissions").get(tool).asText();
        throw new AssertionError("no svc account");
    }

    @Test
    public void theControlApiSwitchesTheUiForTheWholeServer() {
        try {
            sim.control("/config", Map.of("ui", "classic"));
            assertTrue(admin.get("/" + cid + "/company/home/list").body().contains("/assets/sim.css"));
            assertEquals(sim.control("/config", Map.of("ui", "modern")).status(), 400, "an unknown UI is refused");
        } finally {
            sim.control("/config", Map.of("ui", "current"));
        }
        assertTrue(admin.get("/" + cid + "/company/home/list").body().contains("/assets/app.css"));
    }
}
