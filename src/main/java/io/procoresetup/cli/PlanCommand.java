package io.procoresetup.cli;

import io.procoresetup.config.RunConfig;
import io.procoresetup.suites.Outcome;
import io.procoresetup.suites.PlanSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** Signs in read-only and prints what setup would change, step by step. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        description = {"Print what setup would change, step by step (read-only).",
                "Signs in, looks at each of the six steps, screenshots in the report. Changes nothing; needs no consent."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    AccountOptions account;




    @Override
    public Integer call() {
        Map<String, String> extra = new HashMap<>();
        extra.put("name", account.name);
        extra.put("credentials", account.credentials);
        extra.put("interactive", "false");
        extra.put("read-only", "true");
        TargetOptions.Resolved r = target.resolve(extra);
        RunConfig config = r.config();
        Properties p = r.props();
        TargetOptions.requireRunningTarget(config, "plan");
        io.procoresetup.setup.GuidedSetup.precheck(config);
        io.procoresetup.browser.BrowserLocator.check(io.procoresetup.suites.RunSession.settings(config));   // before TestNG starts
        SuiteRunner.run("Plan", PlanSuite.class, p, config.resultsDir());
        if (!account.noReport) SuiteRunner.report(config.resultsDir());
        if (Outcome.failure() != null) return SuiteRunner.explain(Outcome.failure(), "plan");
        return ExitCodes.OK;
    }
}
