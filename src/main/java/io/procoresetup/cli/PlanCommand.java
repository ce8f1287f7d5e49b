package io.procoresetup.cli;

import io.procoresetup.browser.BrowserLocator;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Setting;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.suites.PlanSuite;
import io.procoresetup.suites.RunSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** Signs in read-only and prints what setup would change, step by step. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        modelTransformer = TableOptions.class,
        description = {"Print what setup would change, step by step (read-only).",
                "Signs in, looks at each step of the route (--route guide or dmsa), screenshots in the report. "
                        + "Changes nothing; needs no consent."})
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        RunConfig config = TableOptions.config(spec, Map.of(Setting.INTERACTIVE.key(), "false", Setting.READ_ONLY.key(), "true"));
        TableOptions.requireRunningTarget(config, "plan");
        GuidedSetup.precheck(config);
        BrowserLocator.check(RunSession.settings(config));   // before TestNG starts
        SuiteRunner.Finished finished = SuiteRunner.run("Plan", PlanSuite.class, config);
        if (!report.noReport) SuiteRunner.report(config.resultsDir());
        return finished.run().failure().map(f -> SuiteRunner.explain(f, "plan")).orElse(ExitCodes.OK);
    }
}
