package io.procoresetup.cli;

import io.procoresetup.browser.BrowserWarmup;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Setting;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.suites.AppInstallSuite;
import io.procoresetup.suites.GuidedSetupSuite;
import io.procoresetup.setup.AppInstall;
import io.procoresetup.suites.RunSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** The main job: the guide's six steps in Procore's UI, with consent and evidence, ending in an HTML report. */
@Command(name = "setup", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        modelTransformer = TableOptions.class,
        description = {"The guided six-step setup, then the API cross-check and the HTML report.",
                "Runs the six steps of Procore's service-account guide in a browser, with consent, screenshots and safe credentials. "
                        + "With no options: against the embedded simulator.",
                "With --route dmsa and --app-version-key: install the integration's app instead, which creates a "
                        + "Developer Managed Service Account (what Procore supports since 2025); nothing secret is shown."})
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        // a person may be asked only at a terminal, and not when --consent answered already
        boolean interactive = System.console() != null && TableOptions.value(spec, Setting.CONSENT) == null;
        RunConfig config = TableOptions.config(spec, Map.of(Setting.INTERACTIVE.key(), String.valueOf(interactive)));   // bad input stops here
        ConsentGate.precheck(config);                   // and so does missing or mismatched consent
        GuidedSetup.precheck(config);                   // and no password, or credentials bound for the repository
        BrowserWarmup.start(RunSession.settings(config));
        if (config.dmsa()) return appInstall(config);
        SuiteRunner.Finished finished = SuiteRunner.run("Guided setup", GuidedSetupSuite.class, config);
        if (finished.run().failure().isPresent()) {
            int exit = SuiteRunner.explain(finished.run().failure().get(), "setup");
            if (!report.noReport) SuiteRunner.report(config.resultsDir());     // the failing step's screenshot is in it
            return exit;
        }
        GuidedSetup.Result r = finished.run().result().orElse(null);
        if (r == null || finished.status() != 0) {
            System.err.println("harness: setup did not finish (TestNG exit " + finished.status() + ")");
            return ExitCodes.FAILED;
        }
        System.out.println("Client ID " + r.clientId() + "; Client ID and secret saved in " + r.credentials());
        if (!report.noReport) SuiteRunner.report(config.resultsDir());
        return ExitCodes.OK;
    }

    /** Today's route: the app's install (a DMSA); nothing secret is shown, the vendor gets the Company ID. */
    private int appInstall(RunConfig config) {
        SuiteRunner.Finished finished = SuiteRunner.run("App install", AppInstallSuite.class, config);
        if (finished.run().failure().isPresent()) {
            int exit = SuiteRunner.explain(finished.run().failure().get(), "setup");
            if (!report.noReport) SuiteRunner.report(config.resultsDir());
            return exit;
        }
        AppInstall.Result r = finished.run().installed().orElse(null);
        if (r == null || finished.status() != 0) {
            System.err.println("harness: setup did not finish (TestNG exit " + finished.status() + ")");
            return ExitCodes.FAILED;
        }
        if (!report.noReport) SuiteRunner.report(config.resultsDir());
        return ExitCodes.OK;
    }
}
