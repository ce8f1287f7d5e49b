package io.procoresetup.cli;

import io.procoresetup.browser.BrowserWarmup;
import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.suites.GuidedSetupSuite;
import io.procoresetup.suites.Outcome;
import io.procoresetup.suites.RunSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The main job: the guide's six steps in Procore's UI, with consent and evidence, ending in an HTML report. */
@Command(name = "setup", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        description = {"The guided six-step setup, then the API cross-check and the HTML report.",
                "Runs the six steps of Procore's service-account guide in a browser, with consent, screenshots and safe credentials. "
                        + "With no options: against the embedded simulator."})
final class SetupCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    AccountOptions account;



    @Option(names = "--reset-secret", description = "When the account exists but its secret is not in the credentials file, reset it "
            + "(a new secret; the old one stops working). Without it you are asked, or, with no terminal, setup stops.")
    boolean resetSecret;

    @Option(names = "--sim-projects", description = "Active projects in the embedded simulator (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int simProjects;


    @Override
    public Integer call() {
        Map<String, String> extra = new HashMap<>();
        extra.put("name", account.name);
        extra.put("credentials", account.credentials);
        extra.put("sim-projects", String.valueOf(simProjects));
        extra.put("reset-secret", String.valueOf(resetSecret));
        TargetOptions.Resolved resolved = target.resolve(extra);   // bad input stops here, before anything opens
        RunConfig config = resolved.config();
        Properties p = resolved.props();
        ConsentGate.precheck(config);                   // and so does missing or mismatched consent
        GuidedSetup.precheck(config);                   // and no password, or credentials bound for the repository
        BrowserWarmup.start(RunSession.settings(config));
        int code = SuiteRunner.run("Guided setup", GuidedSetupSuite.class, p, config.resultsDir());
        Throwable failure = Outcome.failure();
        if (failure != null) {
            int exit = SuiteRunner.explain(failure, "setup");
            if (!account.noReport) SuiteRunner.report(config.resultsDir());     // the failing step's screenshot is in it
            return exit;
        }
        GuidedSetup.Result r = (GuidedSetup.Result) Outcome.result();
        if (r == null || code != 0) {
            System.err.println("harness: setup did not finish (TestNG exit " + code + ")");
            return ExitCodes.FAILED;
        }
        System.out.println("Client ID " + r.clientId() + "; Client ID and secret saved in " + r.credentials());
        if (!account.noReport) SuiteRunner.report(config.resultsDir());
        return ExitCodes.OK;
    }
}
