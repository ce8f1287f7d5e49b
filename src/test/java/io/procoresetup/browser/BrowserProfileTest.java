package io.procoresetup.browser;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** Chromium keeps its sandbox unless it cannot (root), and no browser profile outlives its process. */
public class BrowserProfileTest {
    @Test
    public void theSandboxIsTurnedOffOnlyForRoot() throws IOException {
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        assertEquals(BrowserSessions.runningAsRoot(), root);
        List<String> args = BrowserSessions.options(BrowserSettings.defaults()).asMap().toString().contains("--no-sandbox")
                ? List.of("--no-sandbox") : List.of();
        assertEquals(args.contains("--no-sandbox"), root, "--no-sandbox exactly when running as root");
    }

    /**
     * The browser ./harness starts early is the one a run would start: the launcher's Chromium command line carries
     * every flag of {@link BrowserSessions#options} (the sandbox, profile, port and first page are its own).
     */
    @Test
    @SuppressWarnings("unchecked")
    public void theLaunchersBrowserGetsTheSameFlagsAsARunsBrowser() throws IOException {
        String launcher = Files.readString(Path.of("harness"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$chrome\" --headless=new(.*?)about:blank", java.util.regex.Pattern.DOTALL)
                .matcher(launcher);
        assertTrue(m.find(), "the launcher starts Chromium headless");
        java.util.Set<String> launched = new java.util.TreeSet<>(List.of(("--headless=new " + m.group(1).replace("\\\n", " ")).trim().split("\\s+")));
        launched.removeIf(a -> a.startsWith("--user-data-dir=") || a.equals("--remote-debugging-port=0") || a.startsWith("\""));
        java.util.Set<String> run = new java.util.TreeSet<>((List<String>) ((java.util.Map<String, Object>) BrowserSessions.options(BrowserSettings.defaults())
                .asMap().get("goog:chromeOptions")).get("args"));
        run.remove("--no-sandbox");
        assertEquals(launched, run, "the flags of the launcher's Chromium and of BrowserSessions.options");
        assertTrue(run.stream().anyMatch(a -> a.startsWith("--disable-features=") && a.contains("WebUIOmniboxPopup")),
                "the omnibox popups Chromium renders at start are off: " + run);
    }

    @Test
    public void profilesOfDeadProcessesAreRemovedAndLiveOnesKept() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Process dead = new ProcessBuilder("true").start();
        long deadPid = dead.pid();
        dead.onExit().join();
        Path stale = Files.createTempDirectory(tmp, BrowserSessions.PROFILE_PREFIX);
        Files.writeString(stale.resolve(".harness-pid"), String.valueOf(deadPid));
        Files.writeString(stale.resolve("Cookies"), "a killed run's profile");
        Path live = Files.createTempDirectory(tmp, BrowserSessions.PROFILE_PREFIX);
        Files.writeString(live.resolve(".harness-pid"), String.valueOf(ProcessHandle.current().pid()));

        BrowserSessions.removeStaleProfiles();

        assertFalse(Files.exists(stale), "the dead process's profile is gone");
        assertTrue(Files.exists(live), "a running process's profile is kept");
        BrowserSessions.deleteTree(live);
    }
}
