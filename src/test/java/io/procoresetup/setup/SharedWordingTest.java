package io.procoresetup.setup;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.support.Sim;
import io.procoresetup.ui.Browser;
import io.procoresetup.ui.HomePage;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * Plan and setup are two walks over one route, so every step's wording and rule lives in the step alone:
 * reword one step and both walks say the new words; on a finished account plan and setup say the same
 * thing for every step. Real Chromium against the simulator, in this JVM.
 */
public class SharedWordingTest {
    private static final String REWORDED = "REWORDED: the permissions are as the guide wants them";

    private Sim sim;
    private BrowserSessions.Session session;
    private Browser browser;
    private RunConfig config;
    private Narrator quiet;
    private Path work;
    private long companyId;

    @BeforeClass
    public void setUp() throws IOException {
        sim = new Sim();
        companyId = sim.freshCompany(5, 0, 0, 0);
        work = Files.createTempDirectory("shared-wording-");
        Properties p = new Properties();
        p.setProperty("harness.target", "simulator");
        p.setProperty("harness.app-url", sim.url());
        p.setProperty("harness.credentials", work.resolve("creds/c.json").toString());
        p.setProperty("harness.results", work.resolve("results").toString());
        config = RunConfig.from(p);
        session = BrowserSessions.open(BrowserSettings.defaults());
        browser = new Browser(session.driver(), Duration.ofSeconds(20));
        quiet = new Narrator(new PrintStream(OutputStream.nullOutputStream()));
        // a finished account: every step is already in place
        GuidedSetup.Result first = GuidedSetup.run(config, browser, evidence(), quiet);
        assertTrue(first.states().contains("applied"), "the first run made the account: " + first.states());
    }

    @AfterClass(alwaysRun = true)
    public void tearDown() {
        if (session != null) session.close();
        if (sim != null) sim.close();
    }

    private Evidence evidence() { return new Evidence(browser, work.resolve("results"), quiet); }

    private HomePage home() {
        browser.open(sim.url() + "/" + companyId + "/company/home/list");
        return new HomePage(browser);
    }

    private StepContext context(Evidence evidence, HomePage home) {
        return new StepContext(config, browser, evidence, quiet, GuidedSetup.sink(config, config.credentialsFile()), companyId,
                home.header().companyName(), ConsentOnce.whenNeeded(changes -> {
            throw new AssertionError("a finished account needs no consent");
        }));
    }

    /** The guide's route with step 5 worded differently; nothing else changed. */
    private static Route<HomePage, AddAllProjects.Projects> rewordedRoute() {
        return Route.of(Guide.NAME, new NavigateToSettings()).then(new OpenServiceAccounts()).then(new CreateServiceAccount())
                .then(new SaveCredentials()).then(new Reworded<>(new ChangePermissions())).then(new AddAllProjects());
    }

    /** Setup's line for each step, as the report's steps record it. */
    private List<String> setupSays(Route<HomePage, ?> route) {
        Evidence evidence = evidence();
        HomePage home = home();
        route.setup(context(evidence, home), home, new ArrayList<>());
        return evidence.steps().stream().map(Evidence.StepRecord::outcome).toList();
    }

    private List<String> planSays(Route<HomePage, ?> route) {
        HomePage home = home();
        return route.plan(context(evidence(), home), home).stream().map(PlannedStep::what).toList();
    }

    @Test
    public void planAndSetupWordEveryStepOfAFinishedAccountAlike() {
        List<String> plan = planSays(Guide.ROUTE);
        List<String> setup = setupSays(Guide.ROUTE);
        assertEquals(plan.size(), 6);
        assertEquals(setup, plan, "setup and plan say the same for each step");
        assertTrue(plan.get(3).contains("already saved"), plan.get(3));
    }

    @Test
    public void rewordingOneStepChangesBothPlanAndSetup() {
        String before = planSays(Guide.ROUTE).get(4);
        assertNotEquals(before, REWORDED);
        assertEquals(planSays(rewordedRoute()).get(4), REWORDED, "plan says the step's new words");
        assertEquals(setupSays(rewordedRoute()).get(4), REWORDED, "so does setup");
    }

    /** A step as it is, but saying other words when it finds its work done. */
    private record Reworded<I, O>(SetupStep<I, O> step) implements SetupStep<I, O> {
        @Override public String title() { return step.title(); }

        @Override public String article() { return step.article(); }

        @Override
        public Seen<O> inspect(StepContext c, I in) {
            Seen<O> seen = step.inspect(c, in);
            return seen.state() == StepState.DONE ? Seen.done(seen.at(), REWORDED) : seen;
        }

        @Override public Applied<O> apply(StepContext c, I in, Seen<O> seen) { return step.apply(c, in, seen); }
    }
}
