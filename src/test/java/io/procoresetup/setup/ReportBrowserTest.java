package io.procoresetup.setup;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.evidence.AllureReport;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The single-file report as its reader sees it: opened from disk in headless Chromium through the harness's own
 * browser code, after a setup, a failing setup and a regression run. One simulator and one browser for all.
 */
public class ReportBrowserTest {
    private Sim sim;
    private Path work;
    private final Set<String> secrets = new HashSet<>();
    private BrowserSessions.Session session;
    private WebDriver d;
    private WebDriverWait wait;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim();
        sim.freshCompany(8, 0, 0, 0);
        work = Files.createTempDirectory("harness-report-");
        session = BrowserSessions.open(BrowserSettings.defaults());
        d = session.driver();
        wait = new WebDriverWait(d, Duration.ofSeconds(30));
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (session != null) session.close();
        if (sim != null) sim.close();
    }

    /** Runs the harness, then writes the single-file report of its results; returns the report's index.html. */
    private Path reportOf(String name, int expectedExit, String... args) throws Exception {
        Path results = work.resolve(name + "-results");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--app-url", sim.url(), "--results", results.toString(), "--no-report"));
        HarnessProcess.Result r = HarnessProcess.run(sim.controlEnv(), all.toArray(String[]::new));
        assertEquals(r.code(), expectedExit, r.console());
        sim.controlGet("/secrets").get("secrets").forEach(s -> secrets.add(s.asText()));
        Path index = AllureReport.generate(AllureReport.projectDir(), results, work.resolve(name + "-report"));
        try (Stream<Path> files = Files.list(index.getParent())) {
            assertEquals(files.filter(p -> p.toString().endsWith(".html")).count(), 1L, "a single HTML file");
        }
        String raw = Files.readString(index, StandardCharsets.ISO_8859_1);
        for (String s : secrets) assertFalse(raw.contains(s), "no secret in the report file");
        return index;
    }

    private String text() { return d.findElement(By.tagName("body")).getText(); }

    private void waitForText(String t) {
        wait.until(x -> text().contains(t));
    }

    private void openTest(Path index, String testName) {
        d.get(index.toUri() + "#suites");
        WebElement leaf = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[contains(@class,'node__leaf')][.//*[normalize-space()='" + testName + "']]")));
        d.get(leaf.getAttribute("href"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'test-result__name')]")));
    }

    private void noSecretOnScreen() {
        String shown = text();
        for (String s : secrets) assertFalse(shown.contains(s.substring(0, 12)), "a secret is on screen");
    }

    @Test
    public void aSetupReportShowsTheOutcomeOnItsFirstScreens() throws Exception {
        Path index = reportOf("setup", 0, "setup", "--credentials", work.resolve("setup-creds/c.json").toString());
        d.get(index.toUri().toString());
        waitForText("PROCORE SERVICE ACCOUNT SETUP: GRANITE RIDGE CONSTRUCTION");
        ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
        Path shot = Path.of("target", "report-first-screen.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));       // the README's picture
        assertTrue(text().contains("Granite Ridge Construction (" + sim.companyId()), "the suite is named for the company: " + text());
        noSecretOnScreen();

        d.get(index.toUri() + "#suites");
        waitForText("Granite Ridge Construction");
        assertFalse(text().contains("io.procoresetup"), "no Java class names in the suite tree: " + text());

        openTest(index, "Guided setup");
        for (String fact : List.of("Outcome", "Client ID", "Client Secret", "saved to " + work.resolve("setup-creds/c.json"), "Consent")) {
            assertTrue(text().contains(fact), "the outcome table shows " + fact + ": " + text());
        }
        for (String title : GuidedSetupEndToEndTest.TITLES) {
            WebElement step = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'step__name')][normalize-space()=\"" + title + "\"]")));
            step.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'attachment-row')]"
                    + "[contains(normalize-space(), \"after: " + title + "\")]")));
        }
        assertTrue(text().contains("Step 6: Make All Existing Projects Available To Service Account"), "a link per step");
        noSecretOnScreen();

        openTest(index, "Cross-check through the REST API");
        waitForText("Verification through the REST API");
        for (String check : List.of("token is issued", "company is reachable", "Standard on every company tool",
                "projects visible = active projects", "added to all new projects")) {
            assertTrue(text().contains(check), "the verification table shows " + check);
        }
        assertFalse(text().contains("FAIL"), "every check passed: " + text());
        noSecretOnScreen();

        d.get(index.toUri() + "#behaviors");
        waitForText(io.procoresetup.evidence.ReportFacts.SETUP_JOB);
        assertFalse(text().contains("io.procoresetup"), "Behaviors use human names too");
    }

    @Test
    public void aFailingReportShowsItsCategoryAndPicture() throws Exception {
        sim.control("/faults/error", Map.of("method", "GET", "pathRegex", "^/\\d+/company/service_accounts$", "status", 500, "count", 1));
        Path index;
        try {
            index = reportOf("failing", 8, "setup", "--name", "report-failing", "--credentials", work.resolve("failing-creds/c.json").toString());
        } finally {
            sim.control("/faults/clear", Map.of());
        }
        d.get(index.toUri().toString());
        waitForText("CATEGORIES");
        wait.until(x -> text().contains("Network or timeout"));
        openTest(index, "Guided setup");
        assertTrue(text().contains("FAILED"), "the outcome table names the failed step: " + text());
        WebElement failed = d.findElement(By.xpath("//*[contains(@class,'step__name')][normalize-space()='Service Accounts']"));
        failed.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'attachment-row')]"
                + "[contains(normalize-space(), 'failure screenshot')]")));
        noSecretOnScreen();
    }

    @Test
    public void aRegressionReportShowsTheDriftTable() throws Exception {
        Path index = reportOf("regression", 0, "regression", "--inventory-only");
        d.get(index.toUri().toString());
        waitForText("PROCORE UI REGRESSION");
        openTest(index, "UI inventory");
        waitForText("UI drift:");
        assertTrue(text().contains("ServiceAccountsPage") && text().contains("found"), "the drift table is in the description: " + text());
        d.get(index.toUri() + "#suites");
        waitForText("Granite Ridge Construction");
        assertFalse(text().contains("io.procoresetup"), "no Java class names in the suite tree");
    }
}
