package io.procoresetup.regression;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The regression suite against simulated Procore UI changes: it names exactly the page and element each
 * variant broke (category "Procore UI changed"), and passes on the unchanged and on a slow UI. Runs on
 * the classic UI; {@link RegressionVariantsCurrentUiTest} runs the same on the current one.
 */
public class RegressionVariantsTest {
    private Sim sim;
    private Path work;

    /** The simulator UI these tests face. */
    protected String ui() { return "classic"; }

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim(ui());
        work = Files.createTempDirectory("harness-regression-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @DataProvider
    public Object[][] variants() {
        return new Object[][] {
                {"renamed button", "/labels", Map.of("addAll", "Add all projects"), List.of("EditUserPage: the \"Add All\" button")},
                {"moved menu item", "/variants", Map.of("serviceAccountsUnderApps", true),
                        List.of("AdminSettingsPage: the \"Service Accounts\" link in the \"Company Settings\" section")},
                {"reworded column header", "/labels", Map.of("standard", "Standard Access"), List.of("EditUserPage: the \"Standard\" permission level")},
                // the New form itself is unchanged (reached by its URL): what changed is that New no longer leads to it
                {"extra confirmation dialog", "/variants", Map.of("confirmBeforeNew", true),
                        List.of("ServiceAccountsPage: the \"New\" button leading to NewServiceAccountPage")},
        };
    }

    private HarnessProcess.Result regression(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("regression", "--target", "simulator", "--app-url", sim.url(), "--results",
                work.resolve(name).toString(), "--no-report", "--timeout", "4"));
        args.addAll(List.of(extra));
        return HarnessProcess.run(sim.controlEnv(), args.toArray(String[]::new));
    }

    @Test(dataProvider = "variants")
    public void namesExactlyThePageAndElementTheVariantBroke(String variant, String control, Map<String, Object> body, List<String> expected)
            throws IOException {
        sim.freshCompany(5, 0, 0, 0);
        sim.control(control, body);
        HarnessProcess.Result r = regression(variant.replace(' ', '-'), "--inventory-only", "--threads", "1");
        assertEquals(r.code(), 7, variant + ": " + r.console());
        assertEquals(r.err().strip().lines().count(), 1L, r.err());
        assertTrue(r.err().contains("Procore UI changed"), r.err());
        for (String e : expected) {
            String[] pe = e.split(": ", 2);
            assertTrue(r.err().contains(pe[0] + " lacks " + pe[1]), variant + " names " + e + ": " + r.err());
        }
        assertEquals(missing(work.resolve(variant.replace(' ', '-'))), expected, variant + ": exactly these are missing");
    }

    @Test
    public void passesOnTheUnchangedUiWithBothPartsInParallel() throws IOException {
        long cid = sim.freshCompany(8, 0, 0, 0);
        HarnessProcess.Result r = regression("unchanged", "--threads", "2");
        assertEquals(r.code(), 0, r.console());
        assertEquals(missing(work.resolve("unchanged")), List.of());
        assertTrue(r.out().contains("Deleted the throwaway account harness-regression-"), r.out());
        JsonNode accounts = sim.accounts(cid);
        for (JsonNode a : accounts) assertTrue(!a.get("name").asText().startsWith("harness-regression-"), "the throwaway is gone");
        assertTrue(r.out().contains("UI inventory: ") && r.out().contains("Cross-check through the REST API"), "both parts ran");
    }

    @Test
    public void passesOnASlowUi() throws IOException {
        sim.freshCompany(5, 0, 0, 0);
        sim.control("/faults/latency", Map.of("path", "^/(\\d+/company|companies/\\d+)/(ui-data/)?directory$", "millis", 1500));
        HarnessProcess.Result r = regression("slow", "--inventory-only", "--threads", "1");
        assertEquals(r.code(), 0, r.console());
        assertEquals(missing(work.resolve("slow")), List.of());
    }

    /** What the drift table (ui-drift.json in the results) lists as missing (not merely not reached), as "Page: element". */
    static List<String> missing(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = Sim.JSON.readTree(p.toFile());
                for (JsonNode att : r.path("attachments")) {
                    if (att.get("name").asText().equals("ui-drift.json")) {
                        List<String> out = new ArrayList<>();
                        for (JsonNode page : Sim.JSON.readTree(results.resolve(att.get("source").asText()).toFile())) {
                            for (JsonNode item : page.get("items")) {
                                if (item.get("status").asText().equals("missing")) out.add(page.get("page").asText() + ": " + item.get("element").asText());
                                String unreached = page.get("page").asText() + ": not reached";
                                if (item.get("status").asText().equals("not reached") && !out.contains(unreached)) out.add(unreached);
                            }
                        }
                        return out;
                    }
                }
            }
        }
        throw new AssertionError("no ui-drift.json in " + results);
    }
}
