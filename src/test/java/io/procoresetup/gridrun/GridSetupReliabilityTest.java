package io.procoresetup.gridrun;

import io.procoresetup.support.HarnessProcess;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A Grid run is as reliable as a local one: `./harness setup --grid URL` on the embedded simulator, ten
 * times in a row through a real Grid 4 standalone (grid/run start), every run exit 0.
 * Five to ten minutes (546 s on 2 busy cores), so not part of `mvn verify` (its package is not in testng.xml); CI runs it as its own
 * step: mvn -B test -Dtest=GridSetupReliabilityTest -Dsurefire.failIfNoSpecifiedTests=false
 */
public class GridSetupReliabilityTest {
    static final int RUNS = Integer.getInteger("harness.test.grid-runs", 10);
    private String grid;

    private static String gridRun(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("grid/run"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "grid/run " + String.join(" ", args) + " finished");
        assertEquals(p.exitValue(), 0, "grid/run " + String.join(" ", args) + ": " + out);
        return out;
    }

    @BeforeClass
    public void startGrid() throws Exception {
        grid = gridRun("start", "4444");
        assertTrue(grid.startsWith("http://127.0.0.1:"), grid);
    }

    @AfterClass(alwaysRun = true)
    public void stopGrid() throws Exception {
        gridRun("stop");
    }

    @Test
    public void setupThroughTheGridPassesTenRunsInARow() throws IOException {
        Path work = Files.createTempDirectory("harness-grid-");
        List<String> failures = new ArrayList<>();
        List<Long> seconds = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            long t0 = System.nanoTime();
            HarnessProcess.Result r = HarnessProcess.run(Map.of(), "setup", "--grid", grid, "--no-report",
                    "--credentials", work.resolve("c" + i + ".json").toString(), "--results", work.resolve("results").toString());
            seconds.add((System.nanoTime() - t0) / 1_000_000_000);
            if (r.code() != 0) failures.add("run " + i + " exit " + r.code() + ": " + r.err().strip());
            else assertTrue(r.out().contains("Setup complete"), "run " + i + ": " + r.out());
        }
        System.out.println("Grid setup: " + (RUNS - failures.size()) + " of " + RUNS + " passed; seconds per run " + seconds);
        Path log = Path.of("grid/grid.log");
        long sessions = Files.readAllLines(log).stream().filter(l -> l.contains("Session created by the Distributor")).count();
        assertTrue(sessions >= RUNS, "every run's browser was a Grid session (" + sessions + " created)");
        assertTrue(failures.isEmpty(), (RUNS - failures.size()) + " of " + RUNS + " passed: " + failures);
    }
}
