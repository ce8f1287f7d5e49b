package io.procoresetup.setup;

import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Target;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.consent.ConsentRecord;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Failures;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.ui.Browser;
import io.procoresetup.ui.HomePage;
import io.procoresetup.ui.LoginPage;
import io.procoresetup.ui.UiChanged;
import io.qameta.allure.Allure;

import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The guided run: sign in, consent, then the guide's six steps in order, each inspected before it is applied. */
public final class GuidedSetup {
    /** The seeded simulator admin; real targets take --user and PROCORE_PASSWORD or a prompt. */
    public static final String SIM_USER = "admin@example.com";
    public static final String SIM_PASSWORD = "procore-sim";
    public static final String PASSWORD_ENV = "PROCORE_PASSWORD";
    /** Where a client secret given by --client-id comes from, short of a prompt (the app's on today's route). */
    public static final String SECRET_ENV = "PROCORE_CLIENT_SECRET";

    /** What a run did, step by step. */
    public record Result(long companyId, String companyName, String clientId, Credentials saved, String directoryName,
                         boolean addToNewProjectsTicked, Path credentials, List<String> states, boolean alreadyComplete) {}

    private GuidedSetup() {}

    /** Signed in, on the company, with where the credentials go: what setup and plan both start from. */
    record Start(HomePage home, long companyId, String companyName, Path credentials) {}

    static Start start(RunConfig config, Browser browser, Narrator narrator) {
        HomePage home = signIn(config, browser, narrator);
        Long urlCompany = home.companyId();
        if (config.companyId() != null && !config.companyId().equals(urlCompany)) {
            browser.open(config.appUrl() + "/" + config.companyId() + "/company/home/list");
            try {
                home = new HomePage(browser);
            } catch (UiChanged e) {
                throw new BadInput("company " + config.companyId() + " is not reachable with this login (Procore shows \""
                        + browser.observed() + "\"): check --company");
            }
            urlCompany = home.companyId();
        }
        if (urlCompany == null) throw new BadInput("could not tell the company ID from " + browser.url() + ": pass --company");
        String companyName = home.header().companyName();
        narrator.say("Signed in to " + companyName + " (company " + urlCompany + ") on " + config.target().id + " at " + config.appUrl());
        Path credsPath = credentialsPath(config, urlCompany);
        CredentialsFile.refuseInside(credsPath, forbiddenFolders(config));
        return new Start(home, urlCompany, companyName, credsPath);
    }

    /** Where the credentials go: --credentials (the embedded simulator sets its own), else the default file. */
    public static Path credentialsPath(RunConfig config, long companyId) {
        return config.credentialsFile() != null ? config.credentialsFile()
                : CredentialsFile.defaultPath(config.target().id, companyId, config.accountName());
    }

    /** Folders a credentials file must never be in: the project, the working directory, the results. */
    public static List<Path> forbiddenFolders(RunConfig config) {
        List<Path> out = new ArrayList<>(List.of(Path.of("").toAbsolutePath(), config.resultsDir().toAbsolutePath()));
        String home = System.getProperty("harness.home");
        if (home != null) out.add(Path.of(home));
        return out;
    }

    /** The sink for a run: simulator credentials die with the simulator, so only a real target's are backed up. */
    static CredentialsFile sink(RunConfig config, Path path) {
        return new CredentialsFile(path, config.target() != Target.SIMULATOR);
    }

    public static Result run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator) {
        return run(config, browser, evidence, narrator, StepContext.Meanwhile.NONE);
    }

    /** As above, with work for the browser while Add All's job runs (the cross-check's reading of the project list). */
    public static Result run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator, StepContext.Meanwhile meanwhile) {
        Start s = Failures.categorized(() -> start(config, browser, narrator));
        long companyId = s.companyId();
        String companyName = s.companyName();
        Path credsPath = s.credentials();

        identify(config, evidence, companyId, companyName, "Guided setup");
        ConsentRecord consent = ConsentGate.obtain(config, companyId, companyName, System.out);
        ResultsFiles.writeJson(config.resultsDir().resolve("consent.json"), consent);
        evidence.text("consent.json", "application/json", ResultsFiles.json(consent), "json");
        evidence.environment("consent", consent.mode() + ", by " + consent.who() + " at " + consent.when());
        evidence.describe("target", config.target().id);
        evidence.describe("company_id", companyId);
        evidence.describe("company_name", companyName);
        evidence.describe("account_name", config.accountName());

        StepContext c = new StepContext(config, browser, evidence, narrator, sink(config, credsPath), companyId, companyName,
                ConsentOnce.given(consent), meanwhile);
        List<Object> trail = new ArrayList<>();
        Route.Walked<AddAllProjects.Projects> walked;
        try {
            walked = Guide.ROUTE.setup(c, s.home(), trail);
        } finally {
            ReportFacts.description(outcome(c, lastSaved(trail), consent, evidence));
        }
        SaveCredentials.Saved saved = walked.last().permissions().credentials();
        Path where = saved.savedTo() != null ? saved.savedTo() : credsPath;
        narrator.say(walked.alreadyComplete() ? "Setup was already complete: nothing was changed."
                : "Setup complete: the credentials are in " + where + " (readable only by you).");
        return new Result(companyId, companyName, saved.clientId(), saved.credentials().orElse(null), c.directoryName(),
                Failures.categorized(() -> walked.last().edit().projectSettings().addsToNewProjects()), where, walked.states(),
                walked.alreadyComplete());
    }

    /** What step 4 left, if the run got that far. */
    private static SaveCredentials.Saved lastSaved(List<Object> trail) {
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i) instanceof SaveCredentials.Saved saved) return saved;
        }
        return null;
    }

    /** Names the report for the job and company, labels the test for humans, fills the environment. */
    public static void identify(RunConfig config, Evidence evidence, long companyId, String companyName, String what) {
        identify(config, evidence, config.dmsa() ? Dmsa.route(String.valueOf(config.appVersionKey())) : Guide.ROUTE, companyId, companyName, what);
    }

    static void identify(RunConfig config, Evidence evidence, Route<?, ?> route, long companyId, String companyName, String what) {
        String job = evidence.job();
        evidence.environment("company.id", String.valueOf(companyId));
        evidence.environment("company.name", companyName);
        evidence.environment("route", route.name());
        evidence.reportName(ReportFacts.reportName(job, companyName, companyId));
        ReportFacts.label(job, route.name(), route.titles(),
                companyName + " (" + companyId + ") on " + config.target().id + " at " + ConsentGate.host(config.appUrl()), what);
        ReportFacts.links(route.steps().stream().map(st -> new ReportFacts.StepSource(st.title(), st.article())).toList());
    }

    private static final String CELL = "border:1px solid #ccc;padding:4px 8px;text-align:left";

    /** The outcome table at the top of the report: who, what, where the secret went, and each step's result. */
    static String outcome(StepContext c, SaveCredentials.Saved saved, ConsentRecord consent, Evidence evidence) {
        RunConfig config = c.config();
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Company", ReportFacts.esc(c.companyName() + " (" + c.companyId() + ")")});
        facts.add(new String[] {"Target", ReportFacts.esc(config.target().id + " at " + ConsentGate.host(config.appUrl()))});
        facts.add(new String[] {"Route", ReportFacts.esc(Guide.NAME)});
        facts.add(new String[] {"Service account", ReportFacts.esc(c.accountName() + " (Directory user: " + c.directoryName() + ")")});
        facts.add(new String[] {"Client ID", ReportFacts.esc(saved == null || saved.clientId() == null ? "not read (see the steps)" : saved.clientId())});
        facts.add(new String[] {"Client Secret", ReportFacts.esc(saved != null && saved.savedTo() != null
                ? "saved to " + saved.savedTo() + " (readable only by its owner; never in this report)"
                : saved != null && saved.credentials().isPresent() ? "already saved in " + c.sink().path() : "not saved in this run")});
        facts.add(new String[] {"Consent", ReportFacts.esc(consent.mode() + ", by " + consent.who() + " at " + consent.when())});
        return outcome(facts, evidence);
    }

    /** The outcome table: the facts, then each step's result as the report recorded it. */
    static String outcome(List<String[]> facts, Evidence evidence) {
        StringBuilder steps = new StringBuilder("<table style=\"border-collapse:collapse;font:14px sans-serif;margin-top:8px\"><tr>");
        for (String h : List.of("#", "Step", "Result", "What happened")) steps.append("<th style=\"").append(CELL).append("\">").append(h).append("</th>");
        steps.append("</tr>");
        for (Evidence.StepRecord r : evidence.steps()) {
            String color = "failed".equals(r.state()) ? "#c92a2a" : "#2f9e44";
            steps.append("<tr><td style=\"").append(CELL).append("\">").append(r.number()).append("</td><td style=\"").append(CELL).append("\">")
                    .append(ReportFacts.esc(r.title())).append("</td><td style=\"").append(CELL).append(";font-weight:bold;color:").append(color)
                    .append("\">").append(ReportFacts.esc(r.state().toUpperCase(java.util.Locale.ROOT))).append("</td><td style=\"").append(CELL)
                    .append("\">").append(ReportFacts.esc(r.outcome().isEmpty() ? "stopped here: see this step's failure screenshot" : r.outcome()))
                    .append("</td></tr>");
        }
        steps.append("</table>");
        return "<h3>Outcome</h3>" + ReportFacts.table(facts) + steps;
    }

    /** Looks at every step without changing anything, and says what setup would do. */
    public static List<PlannedStep> plan(RunConfig config, Browser browser, Evidence evidence, Narrator narrator) {
        Start s = Failures.categorized(() -> start(config, browser, narrator));
        StepContext c = new StepContext(config, browser, evidence, narrator, sink(config, s.credentials()), s.companyId(), s.companyName(),
                ConsentOnce.whenNeeded(changes -> {
                    throw new IllegalStateException("plan changes nothing, so it never asks for consent");
                }));
        Route<HomePage, ?> route = config.dmsa() ? Dmsa.route(config.appVersionKey()) : Guide.ROUTE;
        identify(config, evidence, route, s.companyId(), s.companyName(), "Plan (read-only)");
        List<List<PlannedStep>> planned = new ArrayList<>();
        evidence.step(1, 1, "Plan: look at the current state (read-only)", "looked", () -> Failures.categorized(() -> {
            planned.add(route.plan(c, s.home()));
            return "looked at all " + route.steps().size() + " steps";
        }));
        List<PlannedStep> out = planned.get(0);
        for (PlannedStep p : out) narrator.say((p.todo() ? "  [to do] " : "  [done]  ") + p.number() + " " + p.title() + ": " + p.what());
        long todo = out.stream().filter(PlannedStep::todo).count();
        narrator.say(todo == 0 ? "Nothing to do: setup is complete."
                : todo + " of " + out.size() + " steps to do; '" + setupCommand(config, s.companyId())
                        + "' would do them. Nothing was changed.");
        evidence.text("plan.json", "application/json", ResultsFiles.json(out), "json");
        return out;
    }

    /** The setup command line for the target this run looked at (no secret or password is ever part of it). */
    static String setupCommand(RunConfig c, long companyId) {
        StringBuilder b = new StringBuilder("./harness setup");
        if (c.dmsa()) b.append(" --route dmsa --app-version-key ").append(c.appVersionKey());
        if (c.target() != Target.SIMULATOR) b.append(" --target ").append(c.target().id);
        if (c.appUrl() != null && !c.appUrl().equals(c.target().appUrl)) b.append(" --app-url ").append(c.appUrl());
        if (c.target() != Target.SIMULATOR || c.companyId() != null) b.append(" --company ").append(companyId);
        if (c.user() != null && !c.user().isBlank()) b.append(" --user ").append(c.user());
        if (!c.dmsa() && !RunConfig.DEFAULT_NAME.equals(c.accountName())) b.append(" --name '").append(c.accountName().replace("'", "'\\''")).append("'");
        if (!c.dmsa() && c.credentialsFile() != null) b.append(" --credentials ").append(c.credentialsFile());
        return b.toString();
    }

    /**
     * What can be refused before any browser starts, so a doomed run fails in a moment instead of after
     * sign-in: no password to sign in with, or a --credentials path inside the repository or results.
     */
    public static void precheck(RunConfig config) {
        if (config.dmsa() && config.appVersionKey() == null) {
            throw new BadInput("--route dmsa needs --app-version-key: the 36-character App Version ID the app's developer gave you"
                    + " (the simulator's app is printed by './harness sim')");
        }
        if (config.clientId() != null && !config.dmsa()) {
            throw new BadInput("--client-id is the app's, for --route dmsa: the guide's route creates the account and saves its own credentials");
        }
        if (config.clientId() != null && unset(SECRET_ENV) && System.console() == null) {
            throw new BadInput("no client secret for --client-id " + config.clientId() + ": set " + SECRET_ENV + " or run in a terminal to be asked");
        }
        if (!config.handOff() && needsPassword(config) && unset(PASSWORD_ENV) && System.console() == null) {
            throw new BadInput("no password for " + config.user() + ": set " + PASSWORD_ENV + " or run in a terminal to be asked (or use --hand-off)");
        }
        if (config.credentialsFile() != null) {
            CredentialsFile.refuseInside(config.credentialsFile(), forbiddenFolders(config));
        }
    }

    private static boolean unset(String env) { return System.getenv(env) == null || System.getenv(env).isEmpty(); }

    /** Every sign-in but the simulator's own seeded admin takes a password. */
    private static boolean needsPassword(RunConfig config) {
        return !(config.target() == Target.SIMULATOR && (config.user() == null || config.user().isBlank()));
    }

    /** Opens Procore's sign-in page and signs in (or waits for the person, with --hand-off). */
    public static HomePage signIn(RunConfig config, Browser browser, Narrator narrator) {
        String loginUrl = config.loginUrl().equals(config.appUrl()) || config.target() == Target.SIMULATOR
                ? config.loginUrl() + "/login" : config.loginUrl();
        io.procoresetup.browser.Timing.mark("open-login");
        browser.open(loginUrl);
        io.procoresetup.browser.Timing.mark("login-shown");
        if (config.handOff()) {
            narrator.say("Sign in to Procore in the browser window (SSO and MFA are fine); the harness carries on once your company's page shows.");
            return LoginPage.awaitPerson(browser, Duration.ofMinutes(10));
        }
        String user = config.user();
        String password;
        if (config.target() == Target.SIMULATOR && (user == null || user.isBlank())) {
            user = SIM_USER;
            password = SIM_PASSWORD;
        } else {
            password = password(user);
        }
        Redactor.global().register(password);             // never in a picture, a page source or a log line
        return new LoginPage(browser).logIn(user, password);
    }

    /** The password: from PROCORE_PASSWORD, else a hidden prompt; never from the command line. */
    public static String password(String user) {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) return env;
        Console console = System.console();
        if (console == null) {
            throw new BadInput("no password for " + user + ": set " + PASSWORD_ENV + " or run in a terminal to be asked (or use --hand-off)");
        }
        char[] pw = console.readPassword("Procore password for %s: ", user);
        if (pw == null || pw.length == 0) throw new BadInput("no password given for " + user);
        return new String(pw);
    }
}
