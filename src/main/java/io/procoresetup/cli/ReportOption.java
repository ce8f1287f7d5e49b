package io.procoresetup.cli;

import picocli.CommandLine.Option;

/** Whether to write the HTML report after a run: shared by setup, plan, verify and regression. */
final class ReportOption {
    @Option(names = "--no-report", description = "Skip generating the HTML report (the Allure results are still written).")
    boolean noReport;
}
