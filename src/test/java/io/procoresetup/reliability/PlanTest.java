package io.procoresetup.reliability;

import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** `harness plan` lists exactly the steps setup would do, and changes nothing. */
public class PlanTest {
    /** The simulator UI these tests face; a subclass runs them on the other one. */
    protected String ui() { return "classic"; }

    private Sim sim;
    private Path work;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim(ui());
        work = Files.createTempDirectory("harness-plan-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private String[] args(String cmd, Path creds) {
        return new String[] {cmd, "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
                "--results", work.resolve(cmd + "-results").toString(), "--no-report"};
    }

    /** Runs plan; asserts it changed nothing; returns the step numbers it lists as to do. */
    private String plan(Path creds) {
        int before = sim.audit().size();
        HarnessProcess.Result r = HarnessProcess.run(Map.of(), args("plan", creds));
        assertEquals(r.code(), 0, r.console());
        assertEquals(sim.audit().size(), before, "plan changed nothing");
        assertTrue(r.out().contains("[1/1] Plan") && !r.out().contains("/6]"), "plan's one step is labelled as one: " + r.out());
        StringBuilder todo = new StringBuilder();
        Matcher m = Pattern.compile("\\[to do\\] (\\d)").matcher(r.out());
        while (m.find()) todo.append(m.group(1));
        Matcher done = Pattern.compile("\\[done\\]  (\\d)").matcher(r.out());
        int doneCount = 0;
        while (done.find()) doneCount++;
        assertEquals(todo.length() + doneCount, 6, "all six steps are listed: " + r.out());
        if (todo.indexOf("4") >= 0 && todo.indexOf("3") < 0) assertTrue(r.out().contains("Reset Secret"), "says it would reset: " + r.out());
        return todo.toString();
    }

    @Test
    public void freshCompanyHasAllSixToDo() {
        sim.freshCompany(10, 0, 0, 0);
        assertEquals(plan(work.resolve("fresh.json")), "123456");
    }

    @Test
    public void finishedCompanyHasNothingToDo() {
        sim.freshCompany(10, 0, 0, 0);
        Path creds = work.resolve("finished.json");
        assertEquals(HarnessProcess.run(Map.of(), args("setup", creds)).code(), 0);
        assertEquals(plan(creds), "");
    }

    @Test
    public void halfDoneCompanyHasExactlyTheMissingSteps() {
        sim.freshCompany(10, 0, 0, 0);
        Path creds = work.resolve("half.json");
        sim.control("/faults/expire-session-on", Map.of("method", "GET", "pathRegex", "^/(\\d+/company|companies/\\d+)/directory$"));
        HarnessProcess.Result stopped = HarnessProcess.run(Map.of(), args("setup", creds));
        assertEquals(stopped.code(), 8, stopped.console());
        assertTrue(Files.exists(creds), "steps 1-4 were done");
        sim.control("/faults/clear", Map.of());
        assertEquals(plan(creds), "56");
    }

    @Test
    public void accountWhoseSecretWasNeverSavedPlansAResetAndStepsFiveAndSix() {
        long cid = sim.freshCompany(10, 0, 0, 0);
        Path creds = work.resolve("lost.json");
        assertEquals(HarnessProcess.run(Map.of(), args("setup", creds)).code(), 0);
        assertTrue(creds.toFile().delete(), "the secret is lost");
        assertEquals(plan(creds), "456", "Reset Secret, then steps 5 and 6 again (Reset wipes them)");
        assertEquals(sim.accounts(cid).size(), 1);
    }
}
