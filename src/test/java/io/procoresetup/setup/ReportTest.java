package io.procoresetup.setup;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.evidence.AllureReport;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The single-file HTML report opens from disk in headless Chromium and shows the six steps. */
public class ReportTest {

    @Test
    public void singleFileReportOpensFromDiskAndShowsTheSixSteps() throws Exception {
        Path work = Files.createTempDirectory("harness-report-");
        Path results = work.resolve("allure-results");
        try (Sim sim = new Sim()) {
            sim.freshCompany(5, 0, 0, 0);
            HarnessProcess.Result r = HarnessProcess.run(Map.of(), "setup", "--app-url", sim.url(), "--results", results.toString(),
                    "--credentials", work.resolve("c.json").toString(), "--no-report");
            assertEquals(r.code(), 0, r.console());
        }
        Path index = AllureReport.generate(AllureReport.projectDir(), results, work.resolve("report"));
        try (Stream<Path> files = Files.list(index.getParent())) {
            assertEquals(files.filter(p -> p.toString().endsWith(".html")).count(), 1L, "a single HTML file");
        }
        try (BrowserSessions.Session s = BrowserSessions.open(BrowserSettings.defaults())) {
            WebDriver d = s.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            d.get(index.toUri() + "#suites");
            String leaf = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//a[contains(@class,'node__leaf')][.//*[normalize-space()='Guided setup']]"))).getAttribute("href");
            d.get(leaf);
            for (String title : GuidedSetupEndToEndTest.TITLES) {
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'step__name')][normalize-space()=\""
                        + title + "\"]")));
            }
            assertTrue(d.getPageSource().contains("Make All Existing Projects Available To Service Account"));
        }
    }

}
