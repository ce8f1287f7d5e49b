package io.procoresetup.cli;

import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Setting;
import io.procoresetup.config.Target;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.suites.VerifySuite;
import io.procoresetup.verify.Check;
import io.procoresetup.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The cross-check alone: read-only; exit 0 only when every check passes. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        modelTransformer = TableOptions.class,
        description = {"Cross-check an account through Procore's REST API (read-only).",
                "Uses the account's own credentials and compares the answers with what the UI shows.",
                "With --route dmsa: the app's client credentials (--client-id, the secret from PROCORE_CLIENT_SECRET or a hidden prompt) "
                        + "against App Management and the app's Directory user; without them, the UI side only.",
                "Exit code 0 only when every check passes; 10 when one FAILS (the account is wrong); 8, or 9 when rate limited, "
                        + "when one COULD NOT be checked (no usable answer within --deadline)."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        String credentials = TableOptions.value(spec, Setting.CREDENTIALS);
        if (credentials != null) {
            // sandbox credentials against production hosts (or the reverse) can only give 401s: say so first
            var saved = new CredentialsFile(Path.of(credentials)).load().orElseThrow(() ->
                    new BadInput("no credentials file at " + Path.of(credentials).toAbsolutePath()));
            String wanted = Target.parse(TableOptions.value(spec, Setting.TARGET)).id;
            if (!saved.target().isEmpty() && !saved.target().equals(wanted)) {
                throw new BadInput("the credentials in " + credentials + " were saved for " + saved.target()
                        + ", not " + wanted + ": Procore's environments do not share accounts");
            }
        }
        RunConfig config = TableOptions.config(spec, Map.of(Setting.INTERACTIVE.key(), "false", Setting.READ_ONLY.key(), "true"));
        TableOptions.requireRunningTarget(config, "verify");
        // --route dmsa without the app's credentials audits the UI side only, and says so
        if (!config.dmsa() && config.credentialsFile() == null && config.clientId() == null) {
            throw new BadInput("verify needs --credentials FILE or --client-id ID");
        }
        SuiteRunner.Finished finished = SuiteRunner.run("Verify", VerifySuite.class, config);
        List<Check> checks = finished.run().checks().orElse(null);
        if (!report.noReport) SuiteRunner.report(config.resultsDir());
        if (finished.run().failure().isPresent()) return SuiteRunner.explain(finished.run().failure().get(), "verify");
        return checks != null && Verification.allPassed(checks) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
