package io.procoresetup.cli;

import io.procoresetup.config.RunConfig;
import io.procoresetup.suites.Outcome;
import io.procoresetup.suites.VerifySuite;
import io.procoresetup.verify.Check;
import io.procoresetup.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** The cross-check alone: read-only; exit 0 only when every check passes. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, sortOptions = false,
        description = {"Cross-check an account through Procore's REST API (read-only).",
                "Uses the account's own credentials and compares the answers with what the UI shows.",
                "Exit code 0 only when every check passes; 10 when one FAILS (the account is wrong); 8, or 9 when rate limited, "
                        + "when one COULD NOT be checked (no usable answer within --deadline)."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    AccountOptions account;


    @Option(names = "--client-id", paramLabel = "ID", description = "Instead of a file: the client ID; the secret comes from PROCORE_CLIENT_SECRET or a hidden prompt.")
    String clientId;



    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Map<String, String> extra = new HashMap<>();
        extra.put("name", account.name);
        extra.put("credentials", account.credentials);
        extra.put("client-id", clientId);
        extra.put("interactive", "false");
        extra.put("read-only", "true");
        if (account.credentials != null) {
            // sandbox credentials against production hosts (or the reverse) can only give 401s: say so first
            var saved = new io.procoresetup.secrets.CredentialsFile(java.nio.file.Path.of(account.credentials)).load().orElseThrow(() ->
                    new io.procoresetup.config.BadInput("no credentials file at " + java.nio.file.Path.of(account.credentials).toAbsolutePath()));
            String wanted = io.procoresetup.config.Target.parse(target.target).id;
            if (!saved.target().isEmpty() && !saved.target().equals(wanted)) {
                throw new io.procoresetup.config.BadInput("the credentials in " + account.credentials + " were saved for " + saved.target()
                        + ", not " + wanted + ": Procore's environments do not share accounts");
            }
        }
        TargetOptions.Resolved r = target.resolve(extra);
        RunConfig config = r.config();
        Properties p = r.props();
        TargetOptions.requireRunningTarget(config, "verify");
        if (account.credentials == null && clientId == null) throw new io.procoresetup.config.BadInput("verify needs --credentials FILE or --client-id ID");
        SuiteRunner.run("Verify", VerifySuite.class, p, config.resultsDir());
        List<Check> checks = (List<Check>) Outcome.checks();
        if (!account.noReport) SuiteRunner.report(config.resultsDir());
        if (Outcome.failure() != null) return SuiteRunner.explain(Outcome.failure(), "verify");
        return checks != null && Verification.allPassed(checks) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
