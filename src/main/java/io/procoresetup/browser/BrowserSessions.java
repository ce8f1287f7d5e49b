package io.procoresetup.browser;

import io.github.bonigarcia.wdm.WebDriverManager;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.service.DriverCommandExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens browser sessions: Selenium Grid when asked, else local Chromium/Chrome with explicit or PATH
 * binaries (Selenium Manager kept offline), and WebDriverManager only as the last fallback.
 * A fresh profile per session, deleted when the session closes. One session per thread.
 */
public final class BrowserSessions {
    /** Selenium's HTTP client factory property: ours (OkHttp) unless someone chose another. */
    static final String HTTP_FACTORY = "webdriver.http.factory";

    static {
        if (System.getProperty(HTTP_FACTORY) == null) System.setProperty(HTTP_FACTORY, OkHttpDriverClient.NAME);
    }

    private BrowserSessions() {}

    /** An open session and what it needs cleaned up when closed: its profile, and processes it owns (the launcher's browser). */
    public record Session(WebDriver driver, Path profile, String description, List<ProcessHandle> owned) implements AutoCloseable {
        public Session(WebDriver driver, Path profile, String description) { this(driver, profile, description, List.of()); }

        @Override
        public void close() {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // a crashed browser cannot be quit; its profile is still removed below
            } finally {
                stop(owned);
                deleteTree(profile);
            }
        }
    }

    public static Session open(BrowserSettings s) {
        BrowserLocator.check(s);           // a wrong path or no display: one line, before anything starts
        Session session = Launched.attach(s).orElseGet(() -> start(s));
        Timing.mark("browser-ready");
        return session;
    }

    /**
     * Selenium's OpenTelemetry tracing of every command, for a session made from a URL: off unless asked for with
     * Selenium's own switch ({@code -Dwebdriver.remote.enableTracing=true}). Nothing here exports traces, and setting
     * the SDK up loads some 380 classes before the session's first command (0.45 s on its own, measured).
     */
    static boolean tracing() { return Boolean.parseBoolean(System.getProperty("webdriver.remote.enableTracing", "false")); }

    private static Session start(BrowserSettings s) {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = options(s);
        if (s.gridUrl() != null) {
            try {
                return new Session(new RemoteWebDriver(URI.create(s.gridUrl()).toURL(), options, tracing()), null, "Selenium Grid at " + s.gridUrl());
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--grid is not a URL: " + s.gridUrl());
            }
        }
        Path profile = newProfile();
        options.addArguments("--user-data-dir=" + profile);
        Optional<Path> binary = BrowserLocator.browser(s.binary());
        binary.ifPresent(b -> options.setBinary(b.toFile()));
        Optional<Path> driver = BrowserLocator.driver(s.driver());
        try {
            if (driver.isPresent()) {
                // Chromium keeps its single-instance socket in a folder under TMPDIR that it does not always remove:
                // inside the profile, it goes when the profile does
                ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                        .withEnvironment(java.util.Map.of("TMPDIR", profile.toString())).usingAnyFreePort().build();
                // a plain remote session over the driver service: ChromeDriver would also open a DevTools connection
                // on start, which nothing here uses (measured: about 0.15 s of every start)
                return new Session(new RemoteWebDriver(new DriverCommandExecutor(service), options), profile,
                        binary.map(Path::toString).orElse("Chrome") + " with " + driver.get());
            }
            try {
                WebDriverManager.chromedriver().setup();        // last resort: needs the internet
            } catch (RuntimeException e) {
                deleteTree(profile);
                throw new BrowserUnavailable(BrowserUnavailable.Kind.MISSING_TOOL, "no chromedriver found (--driver, CHROMEDRIVER, PATH), "
                        + "and WebDriverManager could not fetch one (" + firstLine(e.getMessage()) + "): install chromium-driver");
            }
            return new Session(new ChromeDriver(options), profile, "Chrome via WebDriverManager");
        } catch (RuntimeException e) {
            deleteTree(profile);
            if (e instanceof BrowserUnavailable) throw e;
            throw new IllegalStateException("could not start a browser (" + firstLine(e.getMessage())
                    + "); install chromium and chromium-driver, or pass --browser/--driver", e);
        }
    }

    /**
     * The Chromium and chromedriver that ./harness setup|plan starts while this JVM starts (the launcher's
     * folder in the system property harness.prestarted: profile/, chromedriver.log, pids). The first headless
     * local session attaches to them instead of starting its own; closing it stops them and removes the folder.
     * Unused, they go when the JVM exits (and the launcher's watcher removes them if the JVM never got here).
     */
    static final class Launched {
        private static final String PROPERTY = "harness.prestarted";
        private static final java.util.concurrent.atomic.AtomicReference<Path> FOLDER = new java.util.concurrent.atomic.AtomicReference<>(
                System.getProperty(PROPERTY) == null ? null : Path.of(System.getProperty(PROPERTY)));
        private static final java.util.regex.Pattern DRIVER_PORT = java.util.regex.Pattern.compile("started successfully on port (\\d+)");

        static {
            if (FOLDER.get() != null) Runtime.getRuntime().addShutdownHook(new Thread(() -> release(FOLDER.getAndSet(null))));
        }

        private Launched() {}

        static Optional<Session> attach(BrowserSettings s) {
            if (s.gridUrl() != null || s.binary() != null || s.driver() != null || !s.headless()) return Optional.empty();
            Path dir = FOLDER.getAndSet(null);
            if (dir == null) return Optional.empty();
            List<ProcessHandle> owned = processes(dir);
            try {
                // the launcher started them a moment before this JVM: wait until both say where they listen
                String[] ports = new org.openqa.selenium.support.ui.FluentWait<>(dir).withTimeout(java.time.Duration.ofSeconds(10))
                        .pollingEvery(java.time.Duration.ofMillis(20)).until(Launched::ports);
                ChromeOptions o = new ChromeOptions();
                o.setExperimentalOption("debuggerAddress", "127.0.0.1:" + ports[0]);
                WebDriver d = new RemoteWebDriver(URI.create("http://127.0.0.1:" + ports[1]).toURL(), o, tracing());
                return Optional.of(new Session(d, dir, "Chromium with chromedriver (both started by ./harness while Java started)", owned));
            } catch (IOException | RuntimeException e) {
                stop(owned);
                deleteTree(dir);
                return Optional.empty();                    // start a browser the usual way
            }
        }

        /** [Chromium's DevTools port, chromedriver's port], or null while either is still starting. */
        private static String[] ports(Path dir) {
            try {
                if (processes(dir).stream().anyMatch(p -> !p.isAlive())) throw new IllegalStateException("the launcher's browser ended");
                Path active = dir.resolve("profile/DevToolsActivePort");
                if (!Files.exists(active)) return null;
                List<String> lines = Files.readAllLines(active);
                java.util.regex.Matcher m = DRIVER_PORT.matcher(Files.readString(dir.resolve("chromedriver.log")));
                return lines.size() >= 2 && lines.get(0).strip().matches("\\d+") && m.find() ? new String[] {lines.get(0).strip(), m.group(1)} : null;
            } catch (IOException e) {
                return null;                                // being written: not yet
            }
        }

        private static List<ProcessHandle> processes(Path dir) {
            try {
                return java.util.Arrays.stream(Files.readString(dir.resolve("pids")).trim().split("\\s+"))
                        .map(Long::parseLong).map(ProcessHandle::of).flatMap(Optional::stream).toList();
            } catch (IOException | NumberFormatException e) {
                return List.of();
            }
        }

        private static void release(Path dir) {
            if (dir == null) return;
            stop(processes(dir));
            deleteTree(dir);
        }
    }

    /**
     * Ends processes a session owns, with every process they started (Chromium's renderers and helpers), and waits
     * (bounded) until the owned ones have, so their files can go. Killed outright: the profile is thrown away next, so
     * Chromium's orderly shutdown would save nothing, and it took 110-160 ms at the end of every run (measured), the
     * run's last wait once the cross-check had become shorter than it. Only the owned ones (this JVM's children, whose
     * end it hears at once) are waited for: Java hears of other processes' end by polling (waiting for all of them took
     * 1.8 s), and a renderer that has not yet died when the profile goes only leaves the removal incomplete (best effort,
     * as before; a throwaway profile holds no secret).
     */
    private static void stop(List<ProcessHandle> owned) {
        for (ProcessHandle p : owned) {
            List<ProcessHandle> started = p.descendants().toList();
            p.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
        for (ProcessHandle p : owned) {
            try {
                p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone or stuck: the profile is removed as far as it can be
            }
        }
    }

    /**
     * Chromium features a run never uses. The two omnibox ones are the address bar's WebUI popups, which Chromium
     * renders in hidden pages of their own at start even when headless: measured on the 2-core machine, 1.2-1.8 s of
     * CPU in the first two seconds (a start took 1.9-2.4 s of CPU with them, 0.63 s without), taken from the JVM
     * starting beside it. The launcher (./harness) passes the same list to the browser it starts early.
     */
    static final String DISABLED_FEATURES = "Translate,OptimizationHints,MediaRouter,WebUIOmniboxPopup,WebUIOmniboxAimPopup";

    static ChromeOptions options(BrowserSettings s) {
        ChromeOptions o = new ChromeOptions();
        if (s.headless()) o.addArguments("--headless=new");
        if (runningAsRoot()) o.addArguments("--no-sandbox");       // Chromium refuses to start as root with its sandbox
        o.addArguments("--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-features=" + DISABLED_FEATURES, "--window-size=1366,900", "--password-store=basic");
        return o;
    }

    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static final String PROFILE_PREFIX = "harness-profile-";
    private static final String OWNER = ".harness-pid";

    /**
     * A fresh profile, marked with this process's id: removed when the session closes, by a shutdown hook if the
     * process is stopped first, and otherwise by the next run, which removes the profiles of processes that died.
     */
    private static Path newProfile() {
        removeStaleProfiles();
        try {
            Path p = Files.createTempDirectory(PROFILE_PREFIX);
            Files.writeString(p.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(p)));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void removeStaleProfiles() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> list = Files.list(tmp)) {
            list.filter(p -> p.getFileName().toString().startsWith(PROFILE_PREFIX)).forEach(p -> {
                try {
                    long pid = Long.parseLong(Files.readString(p.resolve(OWNER)).strip());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return;
                } catch (IOException | NumberFormatException e) {
                    // no owner: an older or half-made profile
                    if (ageMillis(p) < 60_000) return;
                }
                deleteTree(p);
            });
        } catch (IOException ignored) {
            // best effort: a stale profile holds no secret, only disk space
        }
    }

    private static long ageMillis(Path p) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp profile left behind holds no secret
        }
    }

    private static String firstLine(String s) {
        return s == null ? "no message" : s.lines().findFirst().orElse(s);
    }
}
