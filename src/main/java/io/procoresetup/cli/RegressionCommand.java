package io.procoresetup.cli;

import io.procoresetup.browser.BrowserLocator;
import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Setting;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.suites.AppInstallSuite;
import io.procoresetup.suites.InventorySuite;
import io.procoresetup.suites.RunSession;
import io.procoresetup.suites.ThrowawaySetupSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** QA's regression: the read-only UI inventory with its drift table, and a throwaway full setup, in parallel. */
@Command(name = "regression", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        modelTransformer = TableOptions.class,
        description = {"QA: UI inventory with a drift table, and a throwaway full setup.",
                "Checks every page and element the six steps use (read-only), and runs the full setup and cross-check "
                        + "on a throwaway account deleted afterwards. Parts run in parallel, one browser each.",
                "With --route dmsa: the app install's pages, and the app install itself with its cross-check "
                        + "(the app is left installed)."})
final class RegressionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--threads", description = "Parallel browser sessions (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int threads;

    @Option(names = "--inventory-only", description = "Only the read-only UI inventory (no throwaway account).")
    boolean inventoryOnly;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        if (threads < 1 || threads > 16) throw new BadInput("--threads must be between 1 and 16");
        RunConfig config = TableOptions.config(spec, Map.of(Setting.INTERACTIVE.key(), "false"));
        GuidedSetup.precheck(config);
        BrowserLocator.check(RunSession.settings(config));   // before TestNG starts
        // today's route has no throwaway: its full run is the app install itself (installed, or found installed and reused)
        Class<?> full = config.dmsa() ? AppInstallSuite.class : ThrowawaySetupSuite.class;
        List<Class<?>> classes = inventoryOnly ? List.of(InventorySuite.class) : List.of(InventorySuite.class, full);
        SuiteRunner.Finished finished = SuiteRunner.run("Regression", classes, threads, config);
        if (!report.noReport) SuiteRunner.report(config.resultsDir());
        if (finished.run().failure().isPresent()) return SuiteRunner.explain(finished.run().failure().get(), "regression");
        return finished.status() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
