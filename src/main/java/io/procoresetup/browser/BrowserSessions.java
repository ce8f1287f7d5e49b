package io.procoresetup.browser;

import io.github.bonigarcia.wdm.WebDriverManager;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens browser sessions: Selenium Grid when asked, else local Chromium/Chrome with explicit or PATH
 * binaries (Selenium Manager kept offline), and WebDriverManager only as the last fallback.
 * A fresh profile per session, deleted when the session closes. One session per thread.
 */
public final class BrowserSessions {
    private BrowserSessions() {}

    /** An open session and what it needs cleaned up when closed. */
    public record Session(WebDriver driver, Path profile, String description) implements AutoCloseable {
        @Override
        public void close() {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // a crashed browser cannot be quit; its profile is still removed below
            } finally {
                deleteTree(profile);
            }
        }
    }

    public static Session open(BrowserSettings s) {
        Session session = start(s);
        Timing.mark("browser-ready");
        return session;
    }

    private static Session start(BrowserSettings s) {
        BrowserLocator.check(s);           // a wrong path or no display: one line, before anything starts
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = options(s);
        if (s.gridUrl() != null) {
            try {
                return new Session(new RemoteWebDriver(URI.create(s.gridUrl()).toURL(), options), null, "Selenium Grid at " + s.gridUrl());
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
                return new Session(new ChromeDriver(service, options), profile,
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

    static ChromeOptions options(BrowserSettings s) {
        ChromeOptions o = new ChromeOptions();
        if (s.headless()) o.addArguments("--headless=new");
        if (runningAsRoot()) o.addArguments("--no-sandbox");       // Chromium refuses to start as root with its sandbox
        o.addArguments("--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-features=Translate,OptimizationHints,MediaRouter", "--window-size=1366,900",
                "--password-store=basic");
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
