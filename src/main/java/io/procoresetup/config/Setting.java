package io.procoresetup.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The table of a run's options: each one's key (the flag {@code --key} and the property {@code harness.key}), its default,
 * how its value is read and checked, its help, and the commands that take it. The command line and {@link RunConfig}
 * both read this table, so nothing here is written anywhere else.
 */
public final class Setting<T> {
    /** The commands that point at a Procore company and run a suite. */
    private static final Set<String> RUNS = Set.of("setup", "plan", "verify", "regression");
    /** The commands that look at one service account. */
    private static final Set<String> ACCOUNT = Set.of("setup", "plan", "verify");

    private static final List<Setting<?>> TABLE = new ArrayList<>();   // first: each setting below adds itself

    public static final Setting<Target> TARGET = new Setting<>("target", "TARGET", "simulator", RUNS,
            "simulator (default), sandbox, monthly-sandbox or production.", (flag, v) -> Target.parse(v));
    public static final Setting<String> APP_URL = urlOption("app-url", "Procore web app URL (default: the target's).");
    public static final Setting<String> LOGIN_URL = urlOption("login-url", "Procore sign-in URL (default: the target's).");
    public static final Setting<String> API_URL = urlOption("api-url", "Procore REST API URL (default: the target's).");
    public static final Setting<Long> COMPANY = new Setting<>("company", "ID", null, RUNS,
            "Procore company ID (the number in /<id>/company/home/list).", Setting::companyId);
    public static final Setting<String> USER = new Setting<>("user", "EMAIL", null, RUNS,
            "Procore login; the password comes from PROCORE_PASSWORD or a hidden prompt.", (flag, v) -> v);
    public static final Setting<Boolean> HAND_OFF = flag("hand-off", RUNS,
            "Open a headed browser and let a person sign in (SSO, MFA); the harness carries on after.");
    public static final Setting<Boolean> HEADED = flag("headed", RUNS, "Show the browser window (headless by default).");
    public static final Setting<String> GRID = new Setting<>("grid", "URL", null, RUNS, "Run the browser on this Selenium Grid.", Setting::url);
    public static final Setting<String> BROWSER = new Setting<>("browser", "PATH", null, RUNS,
            "Chromium/Chrome binary (default: CHROME_BIN, then PATH).", (flag, v) -> v);
    public static final Setting<String> DRIVER = new Setting<>("driver", "PATH", null, RUNS,
            "chromedriver binary (default: CHROMEDRIVER, then PATH).", (flag, v) -> v);
    public static final Setting<Long> CONSENT = new Setting<>("consent", "ID", null, RUNS,
            "Consent to change this company (must equal --company); without it you are asked.", Setting::companyId);
    public static final Setting<Boolean> ALLOW_PRODUCTION = flag("allow-production", RUNS,
            "Required, with consent, to change a production company.");
    public static final Setting<Path> RESULTS = new Setting<>("results", "DIR", "allure-results", union(RUNS, Set.of("report")),
            "Allure results folder (default: ${DEFAULT-VALUE}).", (flag, v) -> Path.of(v.strip()));
    public static final Setting<Long> TIMEOUT = seconds("timeout", "20", "How long to wait for a page (default: ${DEFAULT-VALUE}).");
    public static final Setting<Long> ADD_ALL_TIMEOUT = seconds("add-all-timeout", "600", "How long Add All may take (default: ${DEFAULT-VALUE}).");
    public static final Setting<Long> ADD_ALL_STALL = seconds("add-all-stall", "30",
            "How long Add All's percentage may stand still before the run stops as stalled (default: ${DEFAULT-VALUE}).");
    public static final Setting<Long> DEADLINE = seconds("deadline", "120", "How long the REST cross-check may take in all, waits included; "
            + "then unanswered checks are COULD NOT CHECK (default: ${DEFAULT-VALUE}).");
    public static final Setting<String> SIM_UI = new Setting<>("sim-ui", "UI", "classic", RUNS,
            "The embedded simulator's web UI: classic (the guide's pages, default) or current (built like Procore's current web app).",
            Setting::simUi);
    public static final Setting<String> NAME = new Setting<>("name", "NAME", "laborchart-integration", ACCOUNT,
            "Service account name (default: ${DEFAULT-VALUE}).", Setting::accountName);
    public static final Setting<Path> CREDENTIALS = new Setting<>("credentials", "FILE", null, ACCOUNT,
            "The credentials file (default: ~/.procore-setup-harness/credentials/<target>-<company>-<name>.json, mode 0600).",
            (flag, v) -> Path.of(v.strip()));
    public static final Setting<String> CLIENT_ID = new Setting<>("client-id", "ID", null, Set.of("setup", "verify"),
            "verify: the client ID, instead of a credentials file; setup --route dmsa: the app's client ID, for the cross-check. "
                    + "The secret comes from PROCORE_CLIENT_SECRET or a hidden prompt.", (flag, v) -> v.strip());
    public static final Setting<Boolean> RESET_SECRET = flag("reset-secret", Set.of("setup"),
            "When the account exists but its secret is not in the credentials file, reset it (a new secret; the old one stops working). "
                    + "Without it you are asked, or, with no terminal, setup stops.");
    public static final Setting<Long> SIM_PROJECTS = new Setting<>("sim-projects", "COUNT", "50", Set.of("setup"),
            "Active projects in the embedded simulator (default: ${DEFAULT-VALUE}).", Setting::projects);
    public static final Setting<String> ROUTE = new Setting<>("route", "ROUTE", "guide", Set.of("setup", "plan", "verify", "regression"),
            "guide (default: Procore's six-step guide, a traditional service account) or dmsa (install the integration's app, "
                    + "which creates a Developer Managed Service Account: what Procore supports since 2025).", Setting::route);
    public static final Setting<String> APP_VERSION_KEY = new Setting<>("app-version-key", "KEY", null, Set.of("setup", "plan", "verify", "regression"),
            "With --route dmsa: the 36-character App Version ID the app's developer gave you.", Setting::appVersionKey);
    /** No flag: the command line decides it (a terminal, and no --consent); suite files may set it. */
    public static final Setting<Boolean> INTERACTIVE = flag("interactive", Set.of(),
            "Whether the run may ask a person for consent, a password or a secret reset.");
    /** No flag: plan and verify set it; a read-only run needs no --allow-production. */
    public static final Setting<Boolean> READ_ONLY = flag("read-only", Set.of(), "Whether the run only looks and changes nothing.");

    private final String key;
    private final String label;
    private final String defaultValue;
    private final Set<String> commands;
    private final String help;
    private final BiFunction<String, String, T> parse;

    private Setting(String key, String label, String defaultValue, Set<String> commands, String help, BiFunction<String, String, T> parse) {
        this.key = key;
        this.label = label;
        this.defaultValue = defaultValue;
        this.commands = commands;
        this.help = help;
        this.parse = parse;
        TABLE.add(this);
    }

    /** Every setting, in the order help lists them. */
    public static List<Setting<?>> all() { return Collections.unmodifiableList(TABLE); }

    /** The name in the table: {@code --key} on the command line, {@code harness.key} as a property. */
    public String key() { return key; }

    public String flag() { return "--" + key; }

    /** What help shows for the value (TARGET, URL, ...); null for an on/off flag. */
    public String label() { return label; }

    /** The value when none is given, as it would be typed; null when there is none. */
    public String defaultValue() { return defaultValue; }

    public boolean isSwitch() { return label == null; }

    /** The commands that take this option; none when only a property (or the command line itself) sets it. */
    public Set<String> commands() { return commands; }

    /** One or more whole sentences; {@code ${DEFAULT-VALUE}} stands for the default. */
    public String help() { return help; }

    /**
     * This setting's value from {@code raw} (key to text, null when not given), checked; a blank value counts as not given,
     * except for the account name, which must not be blank. Throws {@link BadInput} with one line.
     */
    public T read(UnaryOperator<String> raw) {
        String v = raw.apply(key);
        if (v == null || (v.isBlank() && this != NAME)) v = defaultValue;
        return v == null ? null : parse.apply(flag(), v);
    }

    @Override
    public String toString() { return flag(); }

    private static Setting<String> urlOption(String key, String help) { return new Setting<>(key, "URL", null, RUNS, help, Setting::url); }

    private static Setting<Boolean> flag(String key, Set<String> commands, String help) {
        return new Setting<>(key, null, "false", commands, help, (flag, v) -> Boolean.parseBoolean(v.strip()));
    }

    private static Setting<Long> seconds(String key, String dflt, String help) {
        return new Setting<>(key, "SECONDS", dflt, RUNS, help, Setting::wholeNumber);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static String url(String flag, String v) {
        v = v.strip();
        java.net.URI u;
        try {
            u = new java.net.URI(v);
        } catch (Exception e) {
            throw new BadInput(flag + " is not an http(s) URL");
        }
        // never echo a URL that may carry user:password@
        if (u.getRawUserInfo() != null || (u.getRawAuthority() != null && u.getRawAuthority().contains("@"))) {
            throw new BadInput(flag + " must not carry a user name or password (user:password@host): sign-in takes --user and "
                    + "PROCORE_PASSWORD, and the URL would be echoed in logs and the report");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new BadInput(flag + " is not an http(s) URL: '" + v + "'");
        }
        if (scheme.equals("http") && !RunConfig.loopback(v)) {
            throw new BadInput(flag + " uses plain http to " + u.getHost() + ": the password and the client secret would travel "
                    + "in clear; use https (plain http is only for a simulator on this machine)");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static Long companyId(String flag, String v) {
        try {
            long n = Long.parseLong(v.strip());
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadInput(flag + " must be a positive whole number (a Procore company ID), not '" + v + "'");
        }
    }

    private static Long wholeNumber(String flag, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(flag + " must be a whole number, not '" + v + "'");
        }
    }

    private static Long projects(String flag, String v) {
        long n = wholeNumber(flag, v);
        if (n < 0 || n > 100_000) throw new BadInput(flag + " must be between 0 and 100000");
        return n;
    }

    private static String simUi(String flag, String v) {
        String ui = v.strip().toLowerCase(Locale.ROOT);
        if (!RunConfig.SIM_UIS.contains(ui)) throw new BadInput(flag + " must be classic or current, not '" + ui + "'");
        return ui;
    }

    private static String route(String flag, String v) {
        String r = v.strip().toLowerCase(Locale.ROOT);
        if (!r.equals("guide") && !r.equals("dmsa")) throw new BadInput(flag + " must be guide or dmsa, not '" + v.strip() + "'");
        return r;
    }

    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static String appVersionKey(String flag, String v) {
        String k = v.strip();
        if (!UUID.matcher(k).matches()) {
            throw new BadInput(flag + " must be the 36-character App Version ID (8-4-4-4-12 hexadecimal digits, "
                    + "like 7b1f5e2c-3a94-4d6b-9c8e-2f4a6d1b0e53), not '" + (k.length() > 40 ? k.substring(0, 40) + "…" : k) + "'");
        }
        return k.toLowerCase(Locale.ROOT);
    }

    private static String accountName(String flag, String v) {
        String name = v.strip();
        if (name.isEmpty()) throw new BadInput(flag + " must not be empty");
        if (name.length() > 255) throw new BadInput(flag + " is " + name.length() + " characters; Procore allows at most 255");
        return name;
    }
}
