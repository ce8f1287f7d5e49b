package io.procoresetup.cli;

import io.procoresetup.config.Setting;
import io.procoresetup.evidence.AllureReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Regenerates the single-file HTML report from the Allure results. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class, modelTransformer = TableOptions.class,
        description = "Regenerate the single-file HTML report (allure-report/index.html) from the Allure results.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: allure-report in the project).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path results = Setting.RESULTS.read(key -> TableOptions.value(spec, Setting.RESULTS));
        if (!Files.isDirectory(results)) {
            System.err.println("harness report: no results folder at " + results.toAbsolutePath() + ": run './harness setup' first");
            return ExitCodes.BAD_INPUT;
        }
        Path project = AllureReport.projectDir();
        Path index = AllureReport.generate(project, results.toAbsolutePath(), out != null ? out : project.resolve("allure-report"));
        System.out.println("Report: " + index);
        return ExitCodes.OK;
    }
}
