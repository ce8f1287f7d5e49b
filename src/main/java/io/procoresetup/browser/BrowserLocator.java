package io.procoresetup.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds a local Chromium/Chrome and its driver: explicit settings first, then well-known paths and PATH. */
public final class BrowserLocator {
    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private BrowserLocator() {}

    /** The browser binary: {@code explicit}, then CHROME_BIN, then PATH. */
    public static Optional<Path> browser(String explicit) {
        return first(explicit, System.getenv("CHROME_BIN"), BROWSERS);
    }

    /** The driver binary: {@code explicit}, then CHROMEDRIVER, then PATH. */
    public static Optional<Path> driver(String explicit) {
        return first(explicit, System.getenv("CHROMEDRIVER"), List.of("chromedriver"));
    }

    /**
     * Checks, before any browser starts, what a local session will need: a binary named by a flag or by
     * CHROME_BIN / CHROMEDRIVER must be an executable file (never silently replaced by another one), and
     * a visible browser needs a display. Throws {@link BrowserUnavailable} with one line naming the cause.
     */
    public static void check(BrowserSettings s) {
        if (s.gridUrl() != null) return;                     // the Grid's nodes bring their own browser and display
        named("--browser", s.binary(), "CHROME_BIN", System.getenv("CHROME_BIN"), "a Chromium/Chrome binary");
        named("--driver", s.driver(), "CHROMEDRIVER", System.getenv("CHROMEDRIVER"), "a chromedriver binary");
        if (browser(s.binary()).isEmpty()) {
            throw new BrowserUnavailable(BrowserUnavailable.Kind.MISSING_TOOL, "no Chromium or Chrome found on PATH (looked for "
                    + String.join(", ", BROWSERS) + "): install chromium, or set CHROME_BIN or --browser");
        }
        if (!s.headless() && !hasDisplay(System.getenv())) {
            throw new BrowserUnavailable(BrowserUnavailable.Kind.NO_DISPLAY, "--headed needs a display, and there is none "
                    + "(DISPLAY and WAYLAND_DISPLAY are unset): run under a virtual display with 'xvfb-run ./harness ...', or drop --headed");
        }
    }

    /** Whether a visible window can open: an X or Wayland display is set. */
    public static boolean hasDisplay(java.util.Map<String, String> env) {
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    private static void named(String flag, String explicit, String envName, String env, String what) {
        String source = explicit != null && !explicit.isBlank() ? flag + " " + explicit
                : env != null && !env.isBlank() ? envName + "=" + env : null;
        if (source == null) return;
        Path p = Path.of(explicit != null && !explicit.isBlank() ? explicit : env);
        String why = !Files.exists(p) ? "there is no such file" : Files.isDirectory(p) ? "it is a folder"
                : !Files.isExecutable(p) ? "it is not executable" : null;
        if (why != null) {
            throw new BrowserUnavailable(BrowserUnavailable.Kind.MISSING_TOOL, source + " does not name " + what + ": " + why);
        }
    }

    private static Optional<Path> first(String explicit, String env, List<String> names) {
        for (String candidate : new String[] {explicit, env}) {
            if (candidate != null && !candidate.isBlank()) {
                Path p = Path.of(candidate);
                return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
            }
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String name : names) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What {@code binary --version} prints, or empty when it cannot run. */
    public static Optional<String> version(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("\u001B\\[[;\\d]*m", "").strip();
            // wrapper scripts may print noise first: take the line that names a version
            return out.lines().filter(l -> l.matches("^[A-Za-z].*\\d+\\.\\d+.*") && !l.contains(": ")).findFirst()
                    .or(() -> out.lines().findFirst());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
