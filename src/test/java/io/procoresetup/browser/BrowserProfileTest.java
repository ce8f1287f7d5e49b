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
