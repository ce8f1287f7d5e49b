package io.procoresetup.config;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Everything a run needs, validated. Both the CLI and the Maven-run suites build it from the same
 * {@code harness.*} properties, so a setting means the same thing on either path.
 */
public record RunConfig(Target target, String appUrl, String loginUrl, String apiUrl, Long companyId, String accountName,
                        boolean headed, String gridUrl, String browserBinary, String driverBinary, Long consent,
                        boolean allowProduction, boolean interactive, String user, boolean handOff, Path credentialsFile,
                        Path resultsDir, int simProjects, Duration timeout, Duration addAllTimeout, Duration addAllStall,
                        Duration deadline, boolean resetSecret, String controlToken, String simUi) {

    public static final String DEFAULT_NAME = "laborchart-integration";
    public static final String PREFIX = "harness.";
    /** How long the REST cross-check may take in all, waits for rate limits and slow answers included. */
    public static final long DEFAULT_DEADLINE_SECONDS = 120;
    /** The control API token of a running `./harness sim --control` (the embedded simulator's is made per run). */
    public static final String CONTROL_TOKEN_ENV = "PROCORE_SIM_CONTROL_TOKEN";
    /** The embedded simulator's web UIs: the guide's pages, or pages built like Procore's current web app. */
    public static final java.util.List<String> SIM_UIS = java.util.List.of("classic", "current");

    /** Whether the run starts its own simulator (target simulator with no URL given). */
    public boolean embeddedSimulator() { return target == Target.SIMULATOR && appUrl == null; }

    /**
     * Whether changes need consent: always, except on a simulator this run started or one on this machine
     * (a loopback address). `--target simulator` with any other URL is a real company as far as consent goes.
     */
    public boolean needsConsent() { return !(embeddedSimulator() || (target == Target.SIMULATOR && loopback(appUrl))); }

    /** Whether any of the run's hosts is Procore's production (whatever --target says). */
    public boolean productionHost() {
        for (String u : new String[] {appUrl, loginUrl, apiUrl}) {
            String h = host(u);
            if (h != null && Target.PRODUCTION_HOSTS.contains(h)) return true;
        }
        return target == Target.PRODUCTION;
    }

    /** Whether a URL's host is this machine (127.0.0.0/8, ::1, localhost). */
    public static boolean loopback(String url) {
        String h = host(url);
        return h != null && (h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1"));
    }

    private static String host(String url) {
        if (url == null) return null;
        try {
            String h = new URI(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return null;
        }
    }

    public RunConfig withUrls(String app, String login, String api) {
        return new RunConfig(target, app, login, api, companyId, accountName, headed, gridUrl, browserBinary, driverBinary, consent,
                allowProduction, interactive, user, handOff, credentialsFile, resultsDir, simProjects, timeout, addAllTimeout, addAllStall,
                deadline, resetSecret, controlToken, simUi);
    }

    public RunConfig withCompany(long id) {
        return new RunConfig(target, appUrl, loginUrl, apiUrl, id, accountName, headed, gridUrl, browserBinary, driverBinary, consent,
                allowProduction, interactive, user, handOff, credentialsFile, resultsDir, simProjects, timeout, addAllTimeout, addAllStall,
                deadline, resetSecret, controlToken, simUi);
    }

    public RunConfig withCredentials(Path file) {
        return new RunConfig(target, appUrl, loginUrl, apiUrl, companyId, accountName, headed, gridUrl, browserBinary, driverBinary, consent,
                allowProduction, interactive, user, handOff, file, resultsDir, simProjects, timeout, addAllTimeout, addAllStall,
                deadline, resetSecret, controlToken, simUi);
    }

    /** The embedded simulator's control API token, known only to this run. */
    public RunConfig withControlToken(String token) {
        return new RunConfig(target, appUrl, loginUrl, apiUrl, companyId, accountName, headed, gridUrl, browserBinary, driverBinary, consent,
                allowProduction, interactive, user, handOff, credentialsFile, resultsDir, simProjects, timeout, addAllTimeout, addAllStall,
                deadline, resetSecret, token, simUi);
    }

    public RunConfig withUser(String u) {
        return new RunConfig(target, appUrl, loginUrl, apiUrl, companyId, accountName, headed, gridUrl, browserBinary, driverBinary, consent,
                allowProduction, interactive, u, handOff, credentialsFile, resultsDir, simProjects, timeout, addAllTimeout, addAllStall,
                deadline, resetSecret, controlToken, simUi);
    }

    /** Reads and validates {@code harness.*} properties; throws {@link BadInput} with one line on any problem. */
    public static RunConfig from(Properties p) {
        Target target = Target.parse(p.getProperty(PREFIX + "target", "simulator"));
        String app = url(p, "app-url");
        String login = url(p, "login-url");
        String api = url(p, "api-url");
        if (target != Target.SIMULATOR) {
            app = app != null ? app : target.appUrl;
            login = login != null ? login : (app.equals(target.appUrl) ? target.loginUrl : app);
            api = api != null ? api : (app.equals(target.appUrl) ? target.apiUrl : app);
        } else if (app != null) {
            login = login != null ? login : app;
            api = api != null ? api : app;
        } else if (login != null || api != null) {
            throw new BadInput("--login-url and --api-url need --app-url for the simulator target");
        }
        Long company = number(p, "company", "--company");
        String name = p.getProperty(PREFIX + "name", DEFAULT_NAME).strip();
        if (name.isEmpty()) throw new BadInput("--name must not be empty");
        if (name.length() > 255) throw new BadInput("--name is " + name.length() + " characters; Procore allows at most 255");
        Long consent = number(p, "consent", "--consent");
        boolean allowProduction = bool(p, "allow-production");
        boolean handOff = bool(p, "hand-off");
        boolean headed = bool(p, "headed") || handOff;
        String grid = url(p, "grid");
        if (target != Target.SIMULATOR && company == null) {
            throw new BadInput("--company is required for target " + target.id + " (the number in Procore's URL: /<company id>/company/home/list)");
        }
        if (target == Target.PRODUCTION && !allowProduction && !bool(p, "read-only")) {
            // a consent problem, not a typo: exit 4 like every other missing consent
            throw new HarnessFailure(Category.CONSENT_REFUSED,
                    "target production changes a live company: add --allow-production (and --consent <company id>) if that is what you mean");
        }
        String user = p.getProperty(PREFIX + "user");
        if (target != Target.SIMULATOR && !handOff && (user == null || user.isBlank())) {
            throw new BadInput("--user is required for target " + target.id + " (or --hand-off to sign in yourself in a headed browser)");
        }
        Path creds = p.getProperty(PREFIX + "credentials") == null ? null : Path.of(p.getProperty(PREFIX + "credentials"));
        Path results = Path.of(p.getProperty(PREFIX + "results", p.getProperty("allure.results.directory", "allure-results")));
        int simProjects = (int) (long) numberOr(p, "sim-projects", "--sim-projects", 50);
        if (simProjects < 0 || simProjects > 100_000) throw new BadInput("--sim-projects must be between 0 and 100000");
        Duration timeout = Duration.ofSeconds(numberOr(p, "timeout", "--timeout", 20));
        Duration addAll = Duration.ofSeconds(numberOr(p, "add-all-timeout", "--add-all-timeout", 600));
        Duration stall = Duration.ofSeconds(numberOr(p, "add-all-stall", "--add-all-stall", 30));
        if (timeout.isNegative() || timeout.isZero() || addAll.isNegative() || addAll.isZero() || stall.isNegative() || stall.isZero()) {
            throw new BadInput("--timeout, --add-all-timeout and --add-all-stall must be positive numbers of seconds");
        }
        Duration deadline = Duration.ofSeconds(numberOr(p, "deadline", "--deadline", DEFAULT_DEADLINE_SECONDS));
        if (deadline.isNegative() || deadline.isZero() || deadline.toSeconds() > 86_400) {
            throw new BadInput("--deadline must be a positive number of seconds, at most 86400 (a day)");
        }
        boolean interactive = bool(p, "interactive");
        String simUi = p.getProperty(PREFIX + "sim-ui", "classic").strip().toLowerCase(Locale.ROOT);
        if (!SIM_UIS.contains(simUi)) throw new BadInput("--sim-ui must be classic or current, not '" + simUi + "'");
        String token = System.getenv(CONTROL_TOKEN_ENV);
        return new RunConfig(target, app, login, api, company, name, headed, grid, p.getProperty(PREFIX + "browser"),
                p.getProperty(PREFIX + "driver"), consent, allowProduction, interactive, user, handOff, creds, results,
                simProjects, timeout, addAll, stall, deadline, bool(p, "reset-secret"), token == null || token.isBlank() ? null : token.strip(), simUi);
    }

    public static RunConfig fromSystemProperties() { return from(System.getProperties()); }

    /** The properties that reproduce this configuration (for handing it to a suite run). */
    public static void put(Properties p, Map<String, String> options) {
        options.forEach((k, v) -> {
            if (v != null) p.setProperty(PREFIX + k, v);
        });
    }

    private static String url(Properties p, String key) {
        String v = p.getProperty(PREFIX + key);
        if (v == null || v.isBlank()) return null;
        v = v.strip();
        URI u;
        try {
            u = new URI(v);
        } catch (Exception e) {
            throw new BadInput("--" + key + " is not an http(s) URL");
        }
        // never echo a URL that may carry user:password@
        if (u.getRawUserInfo() != null || (u.getRawAuthority() != null && u.getRawAuthority().contains("@"))) {
            throw new BadInput("--" + key + " must not carry a user name or password (user:password@host): sign-in takes --user and "
                    + "PROCORE_PASSWORD, and the URL would be echoed in logs and the report");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new BadInput("--" + key + " is not an http(s) URL: '" + v + "'");
        }
        if (scheme.equals("http") && !loopback(v)) {
            throw new BadInput("--" + key + " uses plain http to " + u.getHost() + ": the password and the client secret would travel "
                    + "in clear; use https (plain http is only for a simulator on this machine)");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static Long number(Properties p, String key, String flag) {
        String v = p.getProperty(PREFIX + key);
        if (v == null || v.isBlank()) return null;
        try {
            long n = Long.parseLong(v.strip());
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadInput(flag + " must be a positive whole number (a Procore company ID), not '" + v + "'");
        }
    }

    private static long numberOr(Properties p, String key, String flag, long dflt) {
        String v = p.getProperty(PREFIX + key);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(flag + " must be a whole number, not '" + v + "'");
        }
    }

    private static boolean bool(Properties p, String key) {
        return Boolean.parseBoolean(p.getProperty(PREFIX + key, "false"));
    }
}
