package io.procoresetup.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Poll;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * Each of the six steps crossed with {browser killed, harness killed, 500 on the next page, session expired},
 * and step 6 with {Add All stalled, Add All failed}: the first run stops with the right category, the second
 * finishes, the simulator holds exactly one account, and the saved secret works (the cross-check passes).
 */
public class FaultMatrixTest {
    /** The request each step makes that the fault hits: method and path. */
    static final String[][] NEXT_PAGE = {
            {"GET", "^/\\d+/company/admin$"},
            {"GET", "^/\\d+/company/service_accounts$"},
            {"POST", "^/\\d+/company/service_accounts$"},
            {"GET", "^/\\d+/company/service_accounts/\\d+$"},
            {"GET", "^/\\d+/company/directory$"},
            {"POST", "^/\\d+/company/directory/users/\\d+/add_all$"},
    };

    enum Fault { BROWSER_KILLED, HARNESS_KILLED, SERVER_ERROR, SESSION_EXPIRED, ADD_ALL_STALLED, ADD_ALL_FAILED }

    private Sim sim;
    private Path work;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim();
        work = Files.createTempDirectory("harness-faults-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @DataProvider
    public Object[][] matrix() {
        List<Object[]> rows = new ArrayList<>();
        for (int step = 1; step <= 6; step++) {
            for (Fault f : List.of(Fault.BROWSER_KILLED, Fault.HARNESS_KILLED, Fault.SERVER_ERROR, Fault.SESSION_EXPIRED)) {
                rows.add(new Object[] {step, f});
            }
        }
        rows.add(new Object[] {6, Fault.ADD_ALL_STALLED});
        rows.add(new Object[] {6, Fault.ADD_ALL_FAILED});
        return rows.toArray(Object[][]::new);
    }

    private String[] args(Path creds, Path results) {
        return new String[] {"setup", "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
                "--results", results.toString(), "--no-report", "--add-all-stall", "3"};
    }

    @Test(dataProvider = "matrix")
    public void firstRunStopsWithTheRightCategoryAndTheSecondFinishes(int step, Fault fault) throws Exception {
        long cid = sim.freshCompany(20, 2, 0, 0);
        sim.control("/config", Map.of("addAllMillisPerProject", 25));
        Path dir = Files.createDirectories(work.resolve("step" + step + "-" + fault));
        Path creds = dir.resolve("credentials").resolve("c.json");
        String[] first = args(creds, dir.resolve("results-1"));
        String method = NEXT_PAGE[step - 1][0];
        String path = NEXT_PAGE[step - 1][1];

        HarnessProcess.Result r1;
        switch (fault) {
            case SERVER_ERROR -> {
                sim.control("/faults/error", Map.of("method", method, "pathRegex", path, "status", 500, "count", 1));
                r1 = HarnessProcess.run(Map.of(), first);
            }
            case SESSION_EXPIRED -> {
                sim.control("/faults/expire-session-on", Map.of("method", method, "pathRegex", path, "count", 1));
                r1 = HarnessProcess.run(Map.of(), first);
            }
            case ADD_ALL_STALLED -> {
                sim.control("/faults/add-all", Map.of("stallAt", 50));
                r1 = HarnessProcess.run(Map.of(), first);
            }
            case ADD_ALL_FAILED -> {
                sim.control("/faults/add-all", Map.of("failAt", 50));
                r1 = HarnessProcess.run(Map.of(), first);
            }
            default -> r1 = killMidStep(first, method, path, fault == Fault.BROWSER_KILLED);
        }
        String where = "step " + step + " / " + fault + ": ";
        if (fault == Fault.HARNESS_KILLED) {
            assertNotEquals(r1.code(), 0, where + "the killed run did not finish");
        } else {
            assertEquals(r1.code(), 8, where + r1.console());
            assertTrue(r1.err().contains("Network or timeout"), where + r1.err());
            assertEquals(r1.err().strip().lines().count(), 1L, where + r1.err());
        }
        // step 4's page is the one Create lands on, so the console is still at [3/6] when it fails
        int shown = step == 4 ? 3 : step;
        assertTrue(r1.out().contains("[" + shown + "/6]"), where + "reached the step: " + r1.console());
        assertTrue(!r1.out().contains("[" + (shown + 1) + "/6]"), where + "stopped at the step: " + r1.console());

        sim.control("/faults/clear", Map.of());
        HarnessProcess.Result r2 = HarnessProcess.run(Map.of(), args(creds, dir.resolve("results-2")));
        assertEquals(r2.code(), 0, where + "the second run finishes: " + r2.console());
        JsonNode accounts = sim.accounts(cid);
        assertEquals(accounts.size(), 1, where + "exactly one account");
        JsonNode saved = Sim.JSON.readTree(creds.toFile());
        assertEquals(saved.get("client_secret").asText(), accounts.get(0).get("clientSecret").asText(), where + "the saved secret is current");
        assertEquals(sim.token(saved.get("client_id").asText(), saved.get("client_secret").asText()).status(), 200, where + "and works");
        int resets = 0;
        for (JsonNode e : sim.audit()) if (e.get("action").asText().equals("service_account.reset_secret")) resets++;
        // a secret is rotated only when the first run died after Create and before saving it: always when the fault hit the
        // page Create lands on (step 4), possibly when it hit Create itself (step 3, if Procore finished it), never otherwise
        if (step == 4) assertEquals(resets, 1, where + "the unsaved secret was reset once, on this machine's own marker");
        else if (step == 3) assertTrue(resets <= 1, where + "at most one Reset Secret: " + resets);
        else assertEquals(resets, 0, where + "no needless Reset Secret");
        assertTrue(!Files.exists(creds.resolveSibling(creds.getFileName() + ".pending")), where + "no pending marker left once saved");
        assertEquals(accounts.get(0).get("permissions").size(), 10, where + "every company tool is listed");
        accounts.get(0).get("permissions").forEach(l -> assertEquals(l.asText(), "Standard", where));
    }

    /** Holds the step's request for a while and kills the browser (or the whole harness) while it waits. */
    private HarnessProcess.Result killMidStep(String[] args, String method, String path, boolean browserOnly) throws Exception {
        sim.control("/faults/latency", Map.of("path", path, "millis", 3000));
        AtomicReference<ProcessHandle> harness = new AtomicReference<>();
        CompletableFuture<HarnessProcess.Result> run = CompletableFuture.supplyAsync(() -> HarnessProcess.run(Map.of(), harness::set, args));
        Poll.until(() -> sim.controlGet("/requests"), reqs -> {
            if (run.isDone()) throw new AssertionError("the harness ended before " + method + " " + path + ": " + run.join().console());
            for (int i = 0; i < reqs.size(); i++) if (reqs.get(i).asText().matches(method + " " + path.substring(1, path.length() - 1))) return true;
            return false;
        }, Duration.ofSeconds(60), method + " " + path);
        ProcessHandle h = harness.get();
        List<ProcessHandle> browsers = h.descendants().filter(p -> p.info().command().map(c -> c.contains("chrom") && !c.contains("chromedriver"))
                .orElse(false)).toList();
        if (browserOnly) {
            assertTrue(!browsers.isEmpty(), "found the harness's browser processes");
            browsers.forEach(ProcessHandle::destroyForcibly);
        } else {
            List<ProcessHandle> all = h.descendants().toList();
            h.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
        }
        HarnessProcess.Result r = run.get();
        sim.control("/faults/clear", Map.of());
        return r;
    }
}
