package io.procoresetup.cli;

import io.procoresetup.support.HarnessProcess;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * A browser that cannot start as asked is refused before anything starts, in one line that names the
 * cause: a wrong --browser/--driver/CHROME_BIN/CHROMEDRIVER path (exit 3), or --headed without a display (exit 2).
 * Never WebDriverManager, never a stack trace.
 */
public class BrowserChecksTest {
    private static final Map<String, String> NO_DISPLAY = Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "");

    @DataProvider
    public Object[][] wrongBinaries() throws java.io.IOException {
        String plain = java.nio.file.Files.createTempFile("not-a-browser-", ".txt", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"))).toString();
        return new Object[][] {
                {"--driver to nothing", Map.of(), List.of("setup", "--driver", "/nonexistent", "--no-report"), "--driver /nonexistent", "no such file"},
                {"CHROMEDRIVER to nothing", Map.of("CHROMEDRIVER", "/nonexistent"), List.of("setup", "--no-report"), "CHROMEDRIVER=/nonexistent", "no such file"},
                {"CHROME_BIN to nothing", Map.of("CHROME_BIN", "/nonexistent/chromium"), List.of("setup", "--no-report"), "CHROME_BIN=/nonexistent/chromium", "no such file"},
                {"--browser to a plain file", Map.of(), List.of("setup", "--browser", plain, "--no-report"), "--browser " + plain, "not executable"},
                {"--driver to a folder", Map.of(), List.of("regression", "--driver", "/tmp", "--no-report"), "--driver /tmp", "is a folder"},
                {"no browser anywhere", Map.of("PATH", "/nonexistent"), List.of("setup", "--no-report"), "no Chromium or Chrome found", "chromium"},
                {"plan with --driver to nothing", Map.of(), List.of("plan", "--app-url", "http://127.0.0.1:9", "--driver", "/nonexistent", "--no-report"),
                        "--driver /nonexistent", "no such file"},
        };
    }

    @Test(dataProvider = "wrongBinaries")
    public void aWrongBinaryIsOneLineNamingThePathWithExit3(String why, Map<String, String> env, List<String> args, String names, String reason) {
        HarnessProcess.Result r = HarnessProcess.run(env, args.toArray(String[]::new));
        assertEquals(r.code(), ExitCodes.MISSING_TOOL, why + ": " + r.console());
        assertEquals(r.err().strip().lines().count(), 1L, why + ", one line: " + r.err());
        assertTrue(r.err().contains(names) && r.err().contains(reason), why + ": " + r.err());
        assertFalse(r.console().contains("\tat ") || r.console().contains("Exception"), why + ", no stack trace: " + r.console());
        assertFalse(r.console().toLowerCase().contains("webdrivermanager"), why + ", no WebDriverManager: " + r.console());
        assertFalse(r.out().contains("simulator at"), why + ": refused before the simulator started: " + r.out());
    }

    @Test
    public void headedWithoutADisplaySaysSoAndSuggestsXvfbRun() {
        Map<String, String> env = new HashMap<>(NO_DISPLAY);
        HarnessProcess.Result r = HarnessProcess.run(env, "setup", "--headed", "--no-report");
        assertEquals(r.code(), ExitCodes.BAD_INPUT, r.console());
        assertEquals(r.err().strip().lines().count(), 1L, "one line: " + r.err());
        assertTrue(r.err().contains("no display") || r.err().contains("there is none"), r.err());
        assertTrue(r.err().contains("xvfb-run") && r.err().contains("drop --headed"), r.err());
        assertFalse(r.err().contains("install chromium"), "not a missing browser: " + r.err());
        assertFalse(r.out().contains("simulator at"), "refused before the simulator started: " + r.out());
    }

    @Test
    public void rightBinariesPassTheCheck() {
        // executable files pass (the check does not judge what they are); so does a headed browser with a display
        io.procoresetup.browser.BrowserLocator.check(new io.procoresetup.browser.BrowserSettings(true, "/bin/sh", "/bin/sh", null,
                java.time.Duration.ofSeconds(1)));
        io.procoresetup.browser.BrowserLocator.check(new io.procoresetup.browser.BrowserSettings(false, "/nonexistent", "/nonexistent",
                "http://127.0.0.1:4444", java.time.Duration.ofSeconds(1)));        // a Grid brings its own binaries
        assertTrue(io.procoresetup.browser.BrowserLocator.hasDisplay(Map.of("DISPLAY", ":99")));
        assertFalse(io.procoresetup.browser.BrowserLocator.hasDisplay(NO_DISPLAY));
    }
}
