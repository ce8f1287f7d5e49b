package io.procoresetup.verify;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ScreenshotGuard;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.setup.StepContext;
import io.procoresetup.sim.SimServer;
import io.procoresetup.support.Sim;
import io.procoresetup.ui.Browser;
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
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

/**
 * What the cross-check does while Add All's job runs: checks 1-4's questions asked with the credentials step 4 saved
 * (the cross-check then asks only 5's and 6's), and the project list read in a second tab: the step's own page is left
 * as it was (same document, one tab), the list and its picture are what the cross-check then uses without a page of
 * its own, and a list that cannot be read leaves the reading to the cross-check. Real Chromium against the simulator.
 */
public class CrossCheckEarlyTest {
    private static final int PROJECTS = 30;

    private Sim sim;
    private BrowserSessions.Session session;
    private Browser browser;
    private RunConfig config;
    private Narrator quiet;
    private Path work;

    @BeforeClass
    public void setUp() throws IOException {
        // a job of about 1.2 s, as Procore's takes: long enough that the step has time to spare
        sim = new Sim(SimServer.Options.defaults().withAddAllMillisPerProject(40));
        work = Files.createTempDirectory("list-read-early-");
        session = BrowserSessions.open(BrowserSettings.defaults());
        browser = new Browser(session.driver(), Duration.ofSeconds(20));
        quiet = new Narrator(new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterClass(alwaysRun = true)
    public void tearDown() {
        if (session != null) session.close();
        if (sim != null) sim.close();
    }

    private RunConfig config(String name) {
        Properties p = new Properties();
        p.setProperty("harness.target", "simulator");
        p.setProperty("harness.app-url", sim.url());
        p.setProperty("harness.credentials", work.resolve(name + "/c.json").toString());
        p.setProperty("harness.results", work.resolve(name + "/results").toString());
        return RunConfig.from(p).toBuilder().controlToken(sim.server.controlToken()).build();
    }

    @Test
    public void setupReadsTheListInASecondTabWhileAddAllRunsAndTheCrossCheckUsesIt() {
        long company = sim.freshCompany(PROJECTS, 2, 0, 0);
        config = config("early");
        Evidence evidence = new Evidence(browser, config.resultsDir(), quiet);
        CrossCheck.Early early = new CrossCheck.Early();
        List<String> seen = new ArrayList<>();
        StepContext.Meanwhile watched = (c, saved) -> {
            String url = browser.url();
            browser.script("window.__stepPage = 'still here';");
            early.whileAddAllRuns(c, saved);
            seen.add(url.equals(browser.url()) + " " + browser.script("return window.__stepPage || 'reloaded';") + " "
                    + browser.driver().getWindowHandles().size() + " " + browser.script("return document.visibilityState;"));
        };
        GuidedSetup.Result r = GuidedSetup.run(config, browser, evidence, quiet, watched);

        assertEquals(seen, List.of("true still here 1 visible"), "once, while the job ran; back on the step's own page, the only tab, shown");
        List<String> listed = early.active(company);
        assertEquals(listed == null ? -1 : listed.size(), PROJECTS, "the company's active projects (not its 2 inactive ones): " + listed);
        assertTrue(early.picture() instanceof ScreenshotGuard.Picture.Png, "the list's picture: " + early.picture());
        assertNull(early.active(company + 1), "a list read for one company is no other's");
        Verification.Asked asked = early.asked(company, r.saved().clientId());
        assertNotNull(asked, "checks 1-4 were asked while the job ran");
        List.of(asked.token, asked.companies, asked.me, asked.permissions).forEach(java.util.concurrent.CompletableFuture::join);
        assertEquals(asked.api().stats().requests.get(), 4, "the token, the companies, /me and the permissions, before the cross-check");
        assertNull(early.asked(company + 1, r.saved().clientId()), "asked for one company, for no other");
        assertNull(early.asked(company, "another client id"), "asked with one account's credentials, for no other");

        String page = browser.url();
        List<Check> checks = CrossCheck.run(config, browser, evidence, quiet, r.saved(),
                new CrossCheck.Seen(r.companyId(), r.companyName(), r.directoryName(), r.addToNewProjectsTicked()), early, () -> { });
        assertEquals(checks.stream().filter(c -> !c.passed()).toList(), List.of(), "every check passes");
        assertTrue(checks.get(4).ui().contains(PROJECTS + " active projects"), "check 5 holds the list read early: " + checks.get(4));
        assertEquals(browser.url(), page, "the cross-check needed no page of its own");
        assertEquals(evidence.lastShot().name(), "company project list", "the early picture is the cross-check's evidence");
        assertEquals(asked.api().stats().requests.get(), 6, "the cross-check asked only 5's and 6's questions (the projects, twice)");
    }

    @Test
    public void aListThatCannotBeReadIsLeftToTheCrossCheckAndTheStepsPageStays() {
        long company = sim.freshCompany(3, 0, 0, 0);
        RunConfig c = config("unreadable");
        browser.open(sim.url() + "/" + company + "/company/home/list");
        browser.script("window.__stepPage = 'still here';");
        String url = browser.url();
        Browser impatient = new Browser(session.driver(), Duration.ofSeconds(2));
        CrossCheck.Early early = new CrossCheck.Early();
        long noSuchCompany = company + 1000;            // its list is a page the simulator does not have
        early.whileAddAllRuns(new StepContext(c, impatient, new Evidence(impatient, c.resultsDir(), quiet), quiet, null, noSuchCompany,
                "No Such Company", null), java.util.Optional.empty());
        assertNull(early.active(noSuchCompany), "nothing read, nothing kept");
        assertNull(early.picture(), "and no picture");
        assertNull(early.asked(noSuchCompany, "any"), "no credentials saved: nothing asked");
        assertEquals(browser.url(), url);
        assertEquals(browser.script("return window.__stepPage || 'reloaded';"), "still here");
        assertEquals(browser.driver().getWindowHandles().size(), 1, "the second tab is closed");
    }
}
