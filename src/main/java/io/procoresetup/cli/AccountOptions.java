package io.procoresetup.cli;

import io.procoresetup.config.RunConfig;
import picocli.CommandLine.Option;

/** Which account, where its credentials are, and whether to write the report: shared by setup, plan and verify. */
final class AccountOptions {
    @Option(names = "--name", description = "Service account name (default: ${DEFAULT-VALUE}).", defaultValue = RunConfig.DEFAULT_NAME)
    String name;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "The credentials file (default: ~/.procore-setup-harness/credentials/<target>-<company>-<name>.json, mode 0600).")
    String credentials;

    @Option(names = "--no-report", description = "Skip generating the HTML report (the Allure results are still written).")
    boolean noReport;
}
