package io.procoresetup.cli;

import io.procoresetup.browser.BrowserUnavailable;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.AllureReport;
import io.procoresetup.evidence.Failures;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.suites.SuiteRun;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.nio.file.Path;
import java.util.List;

/** Runs suite classes in this JVM the way their suites/*.xml file does, handing them the run's configuration; explains how it ended. */
final class SuiteRunner {
    static final String ALLURE_RESULTS = "allure.results.directory";

    private SuiteRunner() {}

    /** How a run ended: TestNG's status and what the suite classes handed back. */
    record Finished(int status, SuiteRun run) {}

    static Finished run(String name, Class<?> suiteClass, RunConfig config) {
        return run(name, List.of(suiteClass), 1, config);
    }

    /** Runs suite classes with {@code config}; with more than one thread the classes run in parallel, one browser each. */
    static Finished run(String name, List<Class<?>> suiteClasses, int threads, RunConfig config) {
        Path abs = config.resultsDir().toAbsolutePath();
        ResultsFiles.clean(abs);
        // Allure takes its folder from this property alone; the run itself gets it from its configuration
        System.setProperty(ALLURE_RESULTS, abs.toString());
        SuiteRun run = SuiteRun.of(config.toBuilder().resultsDir(abs).build());
        XmlSuite suite = new XmlSuite();
        suite.setName(name);
        XmlTest test = new XmlTest(suite);
        test.setName(name);
        test.setXmlClasses(suiteClasses.stream().map(XmlClass::new).toList());
        if (threads > 1) {
            suite.setParallel(XmlSuite.ParallelMode.CLASSES);
            suite.setThreadCount(threads);
        }
        TestNG tng = new TestNG(false);
        tng.setUseDefaultListeners(false);
        tng.setVerbose(0);
        tng.addListener(new SuiteRun.Handover(run));
        tng.setXmlSuites(List.of(suite));
        tng.run();
        return new Finished(tng.getStatus(), run);
    }

    /** One line naming the category and what to do next; the exit code of the category. */
    static int explain(Throwable failure, String command) {
        if (failure instanceof BrowserUnavailable) failure = Failures.map(failure);
        if (failure instanceof HarnessFailure f) {
            System.err.println("harness " + command + ": " + Redactor.global().redact(f.getMessage()).replace('\n', ' ') + " | next: " + f.category().next);
            return f.category().exitCode;
        }
        String msg = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage().lines().findFirst().orElse("");
        System.err.println("harness " + command + ": " + Redactor.global().redact(msg));
        return ExitCodes.FAILED;
    }

    static void report(Path results) {
        Path project = AllureReport.projectDir();
        Path reportDir = project.resolve("allure-report");
        System.out.println("Writing the HTML report ...");
        try {
            Path index = AllureReport.generate(project, results.toAbsolutePath(), reportDir);
            System.out.println("Report: " + index + "  (one file: open it in a browser, or share it)");
        } catch (Exception e) {
            System.err.println("harness: the results are in " + results.toAbsolutePath() + " but the HTML report failed: " + e.getMessage()
                    + "; try './harness report'");
        }
    }
}
