package io.procoresetup.setup;

import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Target;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.consent.ConsentRecord;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.ui.Browser;
import io.procoresetup.ui.HomePage;
import io.procoresetup.ui.LoginPage;
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

    public static final List<SetupStep> STEPS = List.of(new NavigateToSettings(), new OpenServiceAccounts(),
            new CreateServiceAccount(), new SaveCredentials(), new ChangePermissions(), new AddAllProjects());

    /** What a run did, step by step. */
    public record Result(long companyId, String companyName, String clientId, Credentials saved, String directoryName,
                         boolean addToNewProjectsTicked, Path credentials, List<String> states, boolean alreadyComplete) {}

    private GuidedSetup() {}

    public static Result run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator) {
        HomePage home = signIn(config, browser, narrator);
        Long urlCompany = home.companyId();
        if (config.companyId() != null && !config.companyId().equals(urlCompany)) {
            browser.open(config.appUrl() + "/" + config.companyId() + "/company/home/list");
            home = new HomePage(browser);
            urlCompany = home.companyId();
        }
        if (urlCompany == null) throw new BadInput("could not tell the company ID from " + browser.url() + ": pass --company");
        long companyId = urlCompany;
        String companyName = home.header().companyName();
        narrator.say("Signed in to " + companyName + " (company " + companyId + ") on " + config.target().id + " at " + config.appUrl());

        ConsentRecord consent = ConsentGate.obtain(config, companyId, companyName, System.out);
        ResultsFiles.writeJson(config.resultsDir().resolve("consent.json"), consent);
        evidence.text("consent.json", "application/json", ResultsFiles.json(consent), "json");
        evidence.describe("target", config.target().id);
        evidence.describe("company_id", companyId);
        evidence.describe("company_name", companyName);
        evidence.describe("account_name", config.accountName());

        Path credsPath = config.credentialsFile() != null ? config.credentialsFile()
                : CredentialsFile.defaultPath(config.target().id, companyId, config.accountName());
        CredentialsFile.refuseInside(credsPath, List.of(Path.of("").toAbsolutePath(), config.resultsDir()));
        Run run = new Run(config, browser, evidence, narrator, new CredentialsFile(credsPath), companyId, companyName, home);

        List<String> states = new ArrayList<>();
        for (SetupStep step : STEPS) {
            String[] state = {"applied"};
            evidence.step(step.number(), STEPS.size(), step.title(), "applied", () -> {
                if (step.inspect(run) == StepState.DONE) {
                    state[0] = "done";
                    return step.alreadyDone(run);
                }
                return step.apply(run);
            });
            evidence.restate(state[0]);
            states.add(state[0]);
        }
        boolean complete = states.subList(2, states.size()).stream().allMatch("done"::equals);
        narrator.say(complete ? "Setup was already complete: nothing was changed."
                : "Setup complete: the credentials are in " + credsPath + " (readable only by you).");
        Allure.getLifecycle().updateTestCase(t -> t.setDescription("Guided setup of " + companyName + " (" + companyId + ") on "
                + config.target().id + (complete ? ": found the work already done." : ".")));
        return new Result(companyId, companyName, run.clientId, run.saved, run.directoryName(),
                run.editUser.projectSettings().addsToNewProjects(), credsPath, states, complete);
    }

    /** Opens Procore's sign-in page and signs in (or waits for the person, with --hand-off). */
    public static HomePage signIn(RunConfig config, Browser browser, Narrator narrator) {
        String loginUrl = config.loginUrl().equals(config.appUrl()) || config.target() == Target.SIMULATOR
                ? config.loginUrl() + "/login" : config.loginUrl();
        browser.open(loginUrl);
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
