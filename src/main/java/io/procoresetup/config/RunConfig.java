package io.procoresetup.config;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Everything a run needs, validated. The command line's options and the suite files' {@code harness.*} properties
 * are read through one table, {@link Setting}, so a setting means the same thing on either path.
 */
public record RunConfig(Target target, String appUrl, String loginUrl, String apiUrl, Long companyId, String accountName,
                        boolean headed, String gridUrl, String browserBinary, String driverBinary, Long consent,
                        boolean allowProduction, boolean interactive, String user, boolean handOff, Path credentialsFile,
                        Path resultsDir, int simProjects, Duration timeout, Duration addAllTimeout, Duration addAllStall,
                        Duration deadline, boolean resetSecret, String controlToken, String simUi, String clientId,
                        String route, String appVersionKey) {

    public static final String DEFAULT_NAME = Setting.NAME.defaultValue();
    public static final String PREFIX = "harness.";
    /** The control API token of a running `./harness sim --control` (the embedded simulator's is made per run). */
    public static final String CONTROL_TOKEN_ENV = "PROCORE_SIM_CONTROL_TOKEN";
    /** The embedded simulator's web UIs: the guide's pages, or pages built like Procore's current web app. */
    public static final java.util.List<String> SIM_UIS = java.util.List.of("classic", "current");

    /** The guide's route (a traditional service account) or today's (the app's DMSA). */
    public static final String GUIDE = "guide";
    public static final String DMSA = "dmsa";

    public boolean dmsa() { return DMSA.equals(route); }

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

    /** A builder holding this configuration, to change a few settings and build anew. */
    public Builder toBuilder() { return new Builder(this); }

    /** Reads and validates {@code harness.*} properties (the suite files' path); throws {@link BadInput} with one line on any problem. */
    public static RunConfig from(Properties p) {
        return from(key -> {
            String v = p.getProperty(PREFIX + key);
            // Maven's run names Allure's folder: the results go there unless harness.results says otherwise
            return v == null && key.equals(Setting.RESULTS.key()) ? p.getProperty("allure.results.directory") : v;
        });
    }

    /** Reads and validates options by their key in {@link Setting} (the command line's path); null values count as not given. */
    public static RunConfig from(Map<String, String> options) { return from(options::get); }

    /** The properties that give {@code options} (key to value; null values left out) to {@link #from(Properties)}. */
    public static void put(Properties p, Map<String, String> options) {
        options.forEach((k, v) -> {
            if (v != null) p.setProperty(PREFIX + k, v);
        });
    }

    private static RunConfig from(UnaryOperator<String> raw) {
        Target target = Setting.TARGET.read(raw);
        String app = Setting.APP_URL.read(raw);
        String login = Setting.LOGIN_URL.read(raw);
        String api = Setting.API_URL.read(raw);
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
        Long company = Setting.COMPANY.read(raw);
        String name = Setting.NAME.read(raw);
        Long consent = Setting.CONSENT.read(raw);
        boolean allowProduction = Setting.ALLOW_PRODUCTION.read(raw);
        boolean handOff = Setting.HAND_OFF.read(raw);
        boolean headed = Setting.HEADED.read(raw) || handOff;
        String grid = Setting.GRID.read(raw);
        if (target != Target.SIMULATOR && company == null) {
            throw new BadInput("--company is required for target " + target.id + " (the number in Procore's URL: /<company id>/company/home/list)");
        }
        if (target == Target.PRODUCTION && !allowProduction && !Setting.READ_ONLY.read(raw)) {
            // a consent problem, not a typo: exit 4 like every other missing consent
            throw new HarnessFailure(Category.CONSENT_REFUSED,
                    "target production changes a live company: add --allow-production (and --consent <company id>) if that is what you mean");
        }
        String user = Setting.USER.read(raw);
        if (target != Target.SIMULATOR && !handOff && user == null) {
            throw new BadInput("--user is required for target " + target.id + " (or --hand-off to sign in yourself in a headed browser)");
        }
        Path creds = Setting.CREDENTIALS.read(raw);
        Path results = Setting.RESULTS.read(raw);
        int simProjects = (int) (long) Setting.SIM_PROJECTS.read(raw);
        Duration timeout = Duration.ofSeconds(Setting.TIMEOUT.read(raw));
        Duration addAll = Duration.ofSeconds(Setting.ADD_ALL_TIMEOUT.read(raw));
        Duration stall = Duration.ofSeconds(Setting.ADD_ALL_STALL.read(raw));
        if (timeout.isNegative() || timeout.isZero() || addAll.isNegative() || addAll.isZero() || stall.isNegative() || stall.isZero()) {
            throw new BadInput("--timeout, --add-all-timeout and --add-all-stall must be positive numbers of seconds");
        }
        Duration deadline = Duration.ofSeconds(Setting.DEADLINE.read(raw));
        if (deadline.isNegative() || deadline.isZero() || deadline.toSeconds() > 86_400) {
            throw new BadInput("--deadline must be a positive number of seconds, at most 86400 (a day)");
        }
        String route = Setting.ROUTE.read(raw);
        String key = Setting.APP_VERSION_KEY.read(raw);
        if (!DMSA.equals(route) && key != null) throw new BadInput("--app-version-key is for --route dmsa");
        String token = System.getenv(CONTROL_TOKEN_ENV);
        return new Builder().target(target).appUrl(app).loginUrl(login).apiUrl(api).companyId(company).accountName(name).headed(headed)
                .gridUrl(grid).browserBinary(Setting.BROWSER.read(raw)).driverBinary(Setting.DRIVER.read(raw)).consent(consent)
                .allowProduction(allowProduction).interactive(Setting.INTERACTIVE.read(raw)).user(user).handOff(handOff)
                .credentialsFile(creds).resultsDir(results).simProjects(simProjects).timeout(timeout).addAllTimeout(addAll)
                .addAllStall(stall).deadline(deadline).resetSecret(Setting.RESET_SECRET.read(raw))
                .controlToken(token == null || token.isBlank() ? null : token.strip()).simUi(Setting.SIM_UI.read(raw))
                .clientId(Setting.CLIENT_ID.read(raw)).route(route).appVersionKey(key).build();
    }

    /** Builds a {@link RunConfig}; {@link RunConfig#toBuilder()} starts from an existing one. */
    public static final class Builder {
        private Target target = Target.SIMULATOR;
        private String appUrl;
        private String loginUrl;
        private String apiUrl;
        private Long companyId;
        private String accountName = DEFAULT_NAME;
        private boolean headed;
        private String gridUrl;
        private String browserBinary;
        private String driverBinary;
        private Long consent;
        private boolean allowProduction;
        private boolean interactive;
        private String user;
        private boolean handOff;
        private Path credentialsFile;
        private Path resultsDir;
        private int simProjects;
        private Duration timeout;
        private Duration addAllTimeout;
        private Duration addAllStall;
        private Duration deadline;
        private boolean resetSecret;
        private String controlToken;
        private String simUi;
        private String clientId;
        private String route = GUIDE;
        private String appVersionKey;

        private Builder() {}

        private Builder(RunConfig c) {
            target = c.target;
            appUrl = c.appUrl;
            loginUrl = c.loginUrl;
            apiUrl = c.apiUrl;
            companyId = c.companyId;
            accountName = c.accountName;
            headed = c.headed;
            gridUrl = c.gridUrl;
            browserBinary = c.browserBinary;
            driverBinary = c.driverBinary;
            consent = c.consent;
            allowProduction = c.allowProduction;
            interactive = c.interactive;
            user = c.user;
            handOff = c.handOff;
            credentialsFile = c.credentialsFile;
            resultsDir = c.resultsDir;
            simProjects = c.simProjects;
            timeout = c.timeout;
            addAllTimeout = c.addAllTimeout;
            addAllStall = c.addAllStall;
            deadline = c.deadline;
            resetSecret = c.resetSecret;
            controlToken = c.controlToken;
            simUi = c.simUi;
            clientId = c.clientId;
            route = c.route;
            appVersionKey = c.appVersionKey;
        }

        public Builder target(Target v) { target = v; return this; }
        /** The web app, sign-in and API URLs together (a simulator this run started has one URL for all three). */
        public Builder urls(String app, String login, String api) { appUrl = app; loginUrl = login; apiUrl = api; return this; }
        public Builder appUrl(String v) { appUrl = v; return this; }
        public Builder loginUrl(String v) { loginUrl = v; return this; }
        public Builder apiUrl(String v) { apiUrl = v; return this; }
        public Builder companyId(Long v) { companyId = v; return this; }
        public Builder accountName(String v) { accountName = v; return this; }
        public Builder headed(boolean v) { headed = v; return this; }
        public Builder gridUrl(String v) { gridUrl = v; return this; }
        public Builder browserBinary(String v) { browserBinary = v; return this; }
        public Builder driverBinary(String v) { driverBinary = v; return this; }
        public Builder consent(Long v) { consent = v; return this; }
        public Builder allowProduction(boolean v) { allowProduction = v; return this; }
        public Builder interactive(boolean v) { interactive = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder handOff(boolean v) { handOff = v; return this; }
        public Builder credentialsFile(Path v) { credentialsFile = v; return this; }
        public Builder resultsDir(Path v) { resultsDir = v; return this; }
        public Builder simProjects(int v) { simProjects = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder addAllTimeout(Duration v) { addAllTimeout = v; return this; }
        public Builder addAllStall(Duration v) { addAllStall = v; return this; }
        public Builder deadline(Duration v) { deadline = v; return this; }
        public Builder resetSecret(boolean v) { resetSecret = v; return this; }
        /** The embedded simulator's control API token, known only to this run. */
        public Builder controlToken(String v) { controlToken = v; return this; }
        public Builder simUi(String v) { simUi = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder route(String v) { route = v; return this; }
        public Builder appVersionKey(String v) { appVersionKey = v; return this; }

        public RunConfig build() {
            return new RunConfig(target, appUrl, loginUrl, apiUrl, companyId, accountName, headed, gridUrl, browserBinary, driverBinary,
                    consent, allowProduction, interactive, user, handOff, credentialsFile, resultsDir, simProjects, timeout, addAllTimeout,
                    addAllStall, deadline, resetSecret, controlToken, simUi, clientId, route, appVersionKey);
        }
    }
}
