package io.procoresetup.suites;

import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.secrets.Secret;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.ui.EditUserPage;
import io.procoresetup.ui.HomePage;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.setup.Dmsa;
import io.procoresetup.verify.AppCrossCheck;
import io.procoresetup.verify.AppInUi;
import io.procoresetup.verify.CrossCheck;
import io.qameta.allure.Allure;
import org.testng.ITestContext;
import org.testng.annotations.Test;

import java.io.Console;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The verification alone (suites/verify.xml): audits an account someone set up, by hand or by the
 * harness. Read-only: it signs in to look at the UI and calls the API with the account's credentials.
 */
public class VerifySuite {

    @Test(description = "Cross-check an existing service account through the REST API")
    public void verify(ITestContext context) {
        SuiteRun run = SuiteRun.of(context);
        try {
            RunConfig config = run.config();
            if (config.dmsa()) {
                verifyApp(run, config);
                return;
            }
            Allure.getLifecycle().updateTestCase(t -> t.setName(CrossCheck.TITLE));
            Credentials creds = credentials(config);
            try (RunSession s = RunSession.open(config, Narrator.console())) {
                s.evidence.job(ReportFacts.VERIFY_JOB);
                HomePage home = signIn(s);
                long companyId = home.companyId();
                String companyName = home.header().companyName();
                GuidedSetup.identify(s.config, s.evidence, companyId, companyName, CrossCheck.TITLE);
                String directoryName = s.config.accountName() + "-" + companyName;
                EditUserPage edit = home.header().openDirectory().edit(directoryName);
                boolean ticked = edit.projectSettings().addsToNewProjects();
                s.evidence.screenshot("the account's Directory settings");
                run.checked(CrossCheck.run(s.config, s.browser, s.evidence, s.narrator, creds,
                        new CrossCheck.Seen(companyId, companyName, directoryName, ticked)));
            }
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    /**
     * The DMSA route's audit: the app (by --app-version-key, else the one /me names, else the only one installed) as App
     * Management and the Directory show it, against the app's own API view. Without the app's credentials, the UI side only.
     */
    /** Signs in and lands on the company --company names (else the one Procore opens). */
    private static HomePage signIn(RunSession s) {
        HomePage home = GuidedSetup.signIn(s.config, s.browser, s.narrator);
        if (s.config.companyId() != null && !s.config.companyId().equals(home.companyId())) {
            s.browser.open(s.config.appUrl() + "/" + s.config.companyId() + "/company/home/list");
            home = new HomePage(s.browser);
        }
        return home;
    }

    private static void verifyApp(SuiteRun run, RunConfig config) {
        Allure.getLifecycle().updateTestCase(t -> t.setName(AppCrossCheck.TITLE));
        Credentials app = config.clientId() == null && config.credentialsFile() == null ? null : credentials(config);
        try (RunSession s = RunSession.open(config, Narrator.console())) {
            s.evidence.job(ReportFacts.VERIFY_JOB);
            HomePage home = signIn(s);
            long companyId = home.companyId();
            String companyName = home.header().companyName();
            identifyApp(s, companyId, companyName);
            Optional<String> me = app == null || s.config.appVersionKey() != null ? Optional.empty()
                    : AppCrossCheck.directoryUser(s.config, s.narrator, companyId, app);
            AppCrossCheck.Seen seen = AppInUi.read(s.browser, s.evidence, s.narrator, s.config.appUrl(), home, companyId, companyName,
                    s.config.appVersionKey(), me);
            run.checked(AppCrossCheck.run(s.config, s.evidence, s.narrator, app, seen));
        }
    }

    /** As the guide's verify names its report, with the DMSA route. */
    private static void identifyApp(RunSession s, long companyId, String companyName) {
        s.evidence.environment("company.id", String.valueOf(companyId));
        s.evidence.environment("company.name", companyName);
        s.evidence.environment("route", Dmsa.NAME);
        s.evidence.reportName(ReportFacts.reportName(s.evidence.job(), companyName, companyId));
        ReportFacts.label(s.evidence.job(), Dmsa.NAME, AppCrossCheck.NAMES, companyName + " (" + companyId + ") on " + s.config.target().id
                + " at " + ConsentGate.host(s.config.appUrl()), AppCrossCheck.TITLE);
    }

    /** From --credentials FILE, or --client-id with the secret from PROCORE_CLIENT_SECRET or a hidden prompt. */
    static Credentials credentials(RunConfig config) {
        String clientId = config.clientId();
        if (clientId != null) {
            String secret = System.getenv(GuidedSetup.SECRET_ENV);
            if (secret == null || secret.isEmpty()) {
                Console console = System.console();
                if (console == null) throw new BadInput("no client secret: set " + GuidedSetup.SECRET_ENV + " or run in a terminal to be asked");
                char[] typed = console.readPassword("Client Secret for %s: ", clientId);
                secret = typed == null ? "" : new String(typed);
            }
            if (secret.isEmpty()) throw new BadInput("no client secret given");
            return new Credentials(clientId, Secret.of(secret), config.companyId() == null ? 0 : config.companyId(),
                    config.accountName(), config.target().id, config.appUrl(), Instant.now());
        }
        if (config.credentialsFile() == null) throw new BadInput("verify needs --credentials FILE or --client-id ID");
        Path file = config.credentialsFile();
        return new CredentialsFile(file).load().orElseThrow(() -> new BadInput("no credentials file at " + file.toAbsolutePath()));
    }
}
