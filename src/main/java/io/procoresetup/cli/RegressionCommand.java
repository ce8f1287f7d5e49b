package io.procoresetup.cli;

import io.procoresetup.config.RunConfig;
import io.procoresetup.suites.InventorySuite;
import io.procoresetup.suites.Outcome;
import io.procoresetup.suites.ThrowawaySetupSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** QA's regression: the read-only UI inventory with its drift table, and a throwaway full setup, in parallel. */
@Command(name = "regression", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        description = {"QA: UI inventory with a drift table, and a throwaway full setup.",
                "Checks every page and element the six steps use (read-only), and runs the full setup and cross-check "
                        + "on a throwaway account deleted afterwards. Parts run in parallel, one browser each."})
final class RegressionCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = "--threads", description = "Parallel browser sessions (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int threads;

    @Option(names = "--inventory-only", description = "Only the read-only UI inventory (no throwaway account).")
    boolean inventoryOnly;

    @Option(names = "--no-report", description = "Skip generating the HTML report.")
    boolean noReport;

    @Override
    public Integer call() {
        if (threads < 1 || threads > 16) throw new io.procoresetup.config.BadInput("--threads must be between 1 and 16");
        TargetOptions.Resolved r = target.resolve(new HashMap<>(Map.of("interactive", "false")));
        RunConfig config = r.config();
        Properties p = r.props();
        io.procoresetup.setup.GuidedSetup.precheck(config);
        io.procoresetup.browser.BrowserLocator.check(io.procoresetup.suites.RunSession.settings(config));   // before TestNG starts
        List<Class<?>> classes = inventoryOnly ? List.of(InventorySuite.class) : List.of(InventorySuite.class, ThrowawaySetupSuite.class);
        int status = SuiteRunner.run("Regression", classes, threads, p, config.resultsDir());
        if (!noReport) SuiteRunner.report(config.resultsDir());
        if (Outcome.failure() != null) return SuiteRunner.explain(Outcome.failure(), "regression");
        return status == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
