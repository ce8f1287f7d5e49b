package io.procoresetup.reliability;

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
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Each failure class tells the truth, on both simulator UIs: a missing menu item or panel is "Procore UI
 * changed" (7) unless the page says the login lacks permission (6); step 6 is never "done" when the page
 * does not show that no project is left; Add All without a percentage stalls only when nothing moves (8).
 */
public class FailureClassesTest {
    private final Map<String, Sim> sims = new java.util.HashMap<>();
    private Path work;

    @BeforeClass
    public void start() throws IOException {
        for (String ui : Sim.UIS) sims.put(ui, new Sim(ui));
        work = Files.createTempDirectory("harness-failures-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sims.values().forEach(Sim::close); }

    @DataProvider
    public Object[][] uis() { return Sim.UIS.stream().map(u -> new Object[] {u}).toArray(Object[][]::new); }

    private HarnessProcess.Result setup(String ui, String name, Map<String, String> env, String... extra) {
        Sim sim = sims.get(ui);
        List<String> args = new ArrayList<>(List.of("setup", "--app-url", sim.url(), "--credentials", work.resolve(ui + "-" + name + ".json").toString(),
                "--results", work.resolve(ui + "-" + name).toString(), "--no-report", "--timeout", "5"));
        args.addAll(List.of(extra));
        return HarnessProcess.run(env, args.toArray(String[]::new));
    }

    private static void fails(HarnessProcess.Result r, int code, String category, String... says) {
        assertEquals(r.code(), code, r.console());
        assertTrue(r.err().contains(category), r.err());
        for (String s : says) assertTrue(r.err().contains(s), "says \"" + s + "\": " + r.err());
    }

    @Test(dataProvider = "uis")
    public void aMissingMenuItemIsAChangedUiNotAMissingPermission(String ui) {
        Sim sim = sims.get(ui);
        long cid = sim.freshCompany(5, 0, 0, 0);
        sim.control("/labels", Map.of("adminSettings", "Company Administration", "admin", "Administration"));
        HarnessProcess.Result r = setup(ui, "menu", Map.of());
        fails(r, 7, "Procore UI changed", "AppHeader lacks the \"Account & Admin Settings\" menu item");
        assertFalse(r.err().contains("not a company admin"), r.err());
        assertEquals(sim.accounts(cid).size(), 0, "nothing was created");
    }

    @Test(dataProvider = "uis")
    public void aLoginThePageCallsUnauthorisedIsPermissionDenied(String ui) {
        Sim sim = sims.get(ui);
        long cid = sim.freshCompany(5, 0, 0, 0);
        HarnessProcess.Result r = setup(ui, "nonadmin", Map.of("PROCORE_PASSWORD", "procore-sim"), "--target", "sandbox",
                "--user", "field.user@example.com", "--company", String.valueOf(cid), "--consent", String.valueOf(cid));
        fails(r, 6, "Permission denied", "not a company admin", "Access Denied");
    }

    @Test(dataProvider = "uis")
    public void serviceAccountsMovedOutOfTheMenuIsAChangedUi(String ui) {
        Sim sim = sims.get(ui);
        sim.freshCompany(5, 0, 0, 0);
        sim.control("/variants", Map.of("serviceAccountsUnderApps", true));
        HarnessProcess.Result r = setup(ui, "moved", Map.of());
        fails(r, 7, "Procore UI changed", "AdminSettingsPage lacks the \"Service Accounts\" link in the \"Company Settings\" section");
    }

    @Test(dataProvider = "uis")
    public void stepSixIsNeverDoneWhenThePageDoesNotShowThatNoProjectIsLeft(String ui) {
        Sim sim = sims.get(ui);
        long cid = sim.freshCompany(5, 0, 0, 0);
        sim.control("/labels", Map.of("notBelongTo", "Other projects"));
        HarnessProcess.Result r = setup(ui, "panel", Map.of());
        fails(r, 7, "Procore UI changed", "Does Not Belong To");
        assertFalse(r.out().contains("Setup complete"), r.out());
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), 0, "no project was added, and none claimed");
    }

    @Test
    public void addAllWithoutAPercentageStallsOnlyWhenNoProjectMoves() {
        Sim sim = sims.get("current");
        sim.freshCompany(20, 0, 0, 0);
        sim.control("/config", Map.of("addAllMillisPerProject", 20));
        sim.control("/faults/add-all", Map.of("stallAt", 50));
        HarnessProcess.Result r = setup("current", "stall", Map.of(), "--add-all-stall", "3");
        fails(r, 8, "Network or timeout", "Add All stalled with ", "no project moved");
        java.util.regex.Matcher left = java.util.regex.Pattern.compile("stalled with (\\d+) projects still to add").matcher(r.err());
        assertTrue(left.find(), r.err());
        int n = Integer.parseInt(left.group(1));
        assertTrue(n > 0 && n < 20, "projects moved, then stopped moving: " + n + " of 20 left");
        assertFalse(r.err().contains("%"), "no percentage is claimed where the page shows none: " + r.err());
        assertTrue(r.out().matches("(?s).*Add All: \\d+ projects still to add.*"), "progress is narrated as projects left: " + r.out());
    }
}
