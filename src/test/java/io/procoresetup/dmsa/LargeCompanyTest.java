package io.procoresetup.dmsa;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.sim.SimServer;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A company of 2,500 active projects: Procore offers no Add All at 2,000 or more, so the guide's route stops at
 * step 6 naming today's route; today's route permits all 2,500 with one Select All and Add.
 */
public class LargeCompanyTest {
    private static final int PROJECTS = 2500;
    private Sim sim;
    private Path work;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim();
        work = Files.createTempDirectory("harness-large-");
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @Test
    public void theGuideStopsAtAddAllAndTodaysRoutePermitsEveryProject() {
        long cid = sim.freshCompany(PROJECTS, 0, 0, 0);
        HarnessProcess.Result guide = HarnessProcess.run(sim.controlEnv(), "setup", "--app-url", sim.url(),
                "--credentials", work.resolve("c.json").toString(), "--results", work.resolve("guide").toString(), "--no-report");
        assertEquals(guide.code(), 5, guide.console());
        assertTrue(guide.out().contains("[6/6]"), "steps 1-5 ran: " + guide.out());
        assertTrue(guide.err().contains("Add All is not offered") && guide.err().contains("2,000")
                && guide.err().contains("./harness setup --route dmsa --app-version-key"), "says why, and names today's route: " + guide.err());

        HarnessProcess.Result dmsa = HarnessProcess.run(sim.controlEnv(), "setup", "--route", "dmsa", "--app-version-key",
                SimServer.APP_VERSION_ID, "--app-url", sim.url(), "--results", work.resolve("dmsa").toString(), "--no-report");
        assertEquals(dmsa.code(), 0, dmsa.console());
        assertTrue(dmsa.out().contains("permitted " + PROJECTS + " projects"), dmsa.out());
        JsonNode app = sim.controlGet("/companies/" + cid + "/app");
        assertEquals(app.get("permittedProjectIds").size(), PROJECTS, "every one of the 2,500 active projects is permitted");
    }
}
