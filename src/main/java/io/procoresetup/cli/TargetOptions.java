package io.procoresetup.cli;

import io.procoresetup.config.RunConfig;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The options that say where a run points and who may change what, shared by setup, verify and plan. */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "simulator",
            description = "simulator (default), sandbox, monthly-sandbox or production.")
    String target;

    @Option(names = "--app-url", paramLabel = "URL", description = "Procore web app URL (default: the target's).")
    String appUrl;

    @Option(names = "--login-url", paramLabel = "URL", description = "Procore sign-in URL (default: the target's).")
    String loginUrl;

    @Option(names = "--api-url", paramLabel = "URL", description = "Procore REST API URL (default: the target's).")
    String apiUrl;

    @Option(names = "--company", paramLabel = "ID", description = "Procore company ID (the number in /<id>/company/home/list).")
    String company;

    @Option(names = "--user", paramLabel = "EMAIL", description = "Procore login; the password comes from PROCORE_PASSWORD or a hidden prompt.")
    String user;

    @Option(names = "--hand-off", description = "Open a headed browser and let a person sign in (SSO, MFA); the harness carries on after.")
    boolean handOff;

    @Option(names = "--headed", description = "Show the browser window (headless by default).")
    boolean headed;

    @Option(names = "--grid", paramLabel = "URL", description = "Run the browser on this Selenium Grid.")
    String grid;

    @Option(names = "--browser", paramLabel = "PATH", description = "Chromium/Chrome binary (default: CHROME_BIN, then PATH).")
    String browser;

    @Option(names = "--driver", paramLabel = "PATH", description = "chromedriver binary (default: CHROMEDRIVER, then PATH).")
    String driver;

    @Option(names = "--consent", paramLabel = "ID", description = "Consent to change this company (must equal --company); without it you are asked.")
    String consent;

    @Option(names = "--allow-production", description = "Required, with consent, to change a production company.")
    boolean allowProduction;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "allure-results", description = "Allure results folder (default: ${DEFAULT-VALUE}).")
    String results;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "How long to wait for a page (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--add-all-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long Add All may take (default: ${DEFAULT-VALUE}).")
    String addAllTimeout;

    @Option(names = "--add-all-stall", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long Add All's percentage may stand still before the run stops as stalled (default: ${DEFAULT-VALUE}).")
    String addAllStall;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the REST cross-check may take in all, waits included; then unanswered checks are COULD NOT CHECK (default: ${DEFAULT-VALUE}).")
    String deadline;

    @Option(names = "--sim-ui", paramLabel = "UI", defaultValue = "classic",
            description = "The embedded simulator's web UI: classic (the guide's pages, default) or current (built like Procore's current web app).")
    String simUi;

    /** The harness.* properties and the validated configuration a command runs with. */
    record Resolved(Properties props, RunConfig config) {}

    /** These options plus the command's own ({@code extra}; null values are left out), validated. */
    Resolved resolve(Map<String, String> extra) {
        Map<String, String> all = properties();
        all.putAll(extra);
        Properties p = new Properties();
        p.putAll(System.getProperties());
        RunConfig.put(p, all);
        return new Resolved(p, RunConfig.from(p));
    }

    /** Plan and verify look at what exists: a simulator started just for them would hold nothing. */
    static void requireRunningTarget(RunConfig config, String command) {
        if (config.embeddedSimulator()) {
            throw new io.procoresetup.config.BadInput(command + " needs a running target: --app-url of a running './harness sim', "
                    + "or --target sandbox|monthly-sandbox|production");
        }
    }

    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("target", target);
        p.put("app-url", appUrl);
        p.put("login-url", loginUrl);
        p.put("api-url", apiUrl);
        p.put("company", company);
        p.put("user", user);
        p.put("hand-off", String.valueOf(handOff));
        p.put("headed", String.valueOf(headed));
        p.put("grid", grid);
        p.put("browser", browser);
        p.put("driver", driver);
        p.put("consent", consent);
        p.put("allow-production", String.valueOf(allowProduction));
        p.put("results", results);
        p.put("timeout", timeout);
        p.put("add-all-timeout", addAllTimeout);
        p.put("add-all-stall", addAllStall);
        p.put("deadline", deadline);
        p.put("sim-ui", simUi);
        p.put("interactive", String.valueOf(System.console() != null && consent == null));
        return p;
    }
}
