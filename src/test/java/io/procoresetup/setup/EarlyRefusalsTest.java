package io.procoresetup.setup;

import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * What can be refused before a browser starts is refused then (no password, credentials bound for the
 * repository); a page that never shows is announced while the harness waits, not only when it gives up.
 */
public class EarlyRefusalsTest {
    private Path work;
    private Path marker;
    private Path driver;

    @BeforeClass
    public void fakeDriver() throws IOException {
        work = Files.createTempDirectory("harness-early-");
        marker = work.resolve("driver-was-started");
        // a "chromedriver" that only leaves a mark: if it is ever run, a browser start was attempted
        driver = Files.writeString(work.resolve("chromedriver"), "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
        Files.setPosixFilePermissions(driver, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private HarnessProcess.Result sandbox(Map<String, String> env, String... extra) {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("setup", "--target", "sandbox", "--app-url", "http://127.0.0.1:9",
                "--company", "5", "--consent", "5", "--user", "admin@example.com", "--driver", driver.toString(),
                "--results", work.resolve("results").toString(), "--no-report"));
        args.addAll(java.util.List.of(extra));
        return HarnessProcess.run(env, args.toArray(String[]::new));
    }

    private void refusedBeforeTheBrowser(HarnessProcess.Result r, String message) {
        assertEquals(r.code(), 2, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, "one line: " + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.console().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(marker), "refused before any browser was started: " + r.console());
    }

    @Test
    public void missingPasswordIsRefusedBeforeAnyBrowserStarts() {
        refusedBeforeTheBrowser(sandbox(Map.of("PROCORE_PASSWORD", "")), "no password for admin@example.com");
    }

    @Test
    public void credentialsInsideTheRepositoryAreRefusedBeforeAnyBrowserStarts() {
        Path inside = Path.of("").toAbsolutePath().resolve("creds-here.json");
        refusedBeforeTheBrowser(sandbox(Map.of("PROCORE_PASSWORD", "x"), "--credentials", inside.toString()), "would be inside");
        assertFalse(Files.exists(inside));
    }

    @Test
    public void theFakeDriverWouldBeNoticed() {
        // control: with nothing to refuse early, the run does try the browser, and the mark shows it
        HarnessProcess.Result r = sandbox(Map.of("PROCORE_PASSWORD", "x"), "--credentials", work.resolve("c.json").toString());
        assertTrue(Files.exists(marker), "the driver was started: " + r.console());
        assertTrue(r.code() != 0, r.console());
    }

    @Test
    public void aPageThatNeverShowsIsAnnouncedWhileWaiting() {
        try (Sim sim = new Sim()) {
            long cid = sim.freshCompany(3, 0, 0, 0);
            sim.control("/labels", Map.of("companySettingsMenu", "Company Setup"));       // the admin page loses a landmark
            HarnessProcess.Result r = HarnessProcess.run(Map.of("PROCORE_PASSWORD", "procore-sim"), "setup", "--app-url", sim.url(),
                    "--user", "admin@example.com", "--company", String.valueOf(cid), "--credentials", work.resolve("ui.json").toString(),
                    "--results", work.resolve("results").toString(), "--no-report", "--timeout", "8");
            assertEquals(r.code(), 7, r.console());
            assertTrue(r.err().contains("Procore UI changed") && r.err().contains("AdminSettingsPage"), r.err());
            String waiting = r.out().lines().filter(l -> l.contains("still waiting for AdminSettingsPage")).findFirst().orElse("");
            assertTrue(waiting.matches(".*\\(\\d+ s of 8 s\\)"), "said it was waiting, and for how long: " + r.out());
        }
    }

    @AfterClass(alwaysRun = true)
    public void clean() throws IOException {
        Files.deleteIfExists(Path.of("").toAbsolutePath().resolve("creds-here.json"));
    }
}
