package io.procoresetup.cli;

import io.procoresetup.browser.BrowserUnavailable;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.AllureReport;
import io.procoresetup.evidence.Failures;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.suites.Outcome;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Runs a suite class in this JVM the way its suites/*.xml file does, and explains how it ended. */
final class SuiteRunner {
    private SuiteRunner() {}

    static int run(String name, Class<?> suiteClass, Properties props, Path results) {
        return run(name, List.of(suiteClass), 1, props, results);
    }

    /** Runs suite classes; with more than one thread the classes run in parallel, one browser each. */
    static int run(String name, List<Class<?>> suiteClasses, int threads, Properties props, Path results) {
        Path abs = results.toAbsolutePath();
        ResultsFiles.clean(abs);
        props.setProperty("harness.results", abs.toString());
        props.setProperty("allure.results.directory", abs.toString());
        apply(props);
        Outcome.reset();
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
        tng.setXmlSuites(List.of(suite));
        tng.run();
        return tng.getStatus();
    }

    /**
     * Makes the run's harness.* (and allure.*) properties the JVM's, key by key. Never System.setProperties:
     * the browser warms up on another thread meanwhile, and Selenium's Grid client sets otel.* properties
     * there and reads them back a moment later; swapping the whole set in between dropped them (and the
     * run failed on "opentelemetry-exporter-otlp not found").
     */
    static void apply(Properties props) {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(RunConfig.PREFIX) && props.getProperty(key) == null) System.clearProperty(key);   // a previous run's
        }
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith(RunConfig.PREFIX) && !key.startsWith("allure.")) continue;    // the rest is the JVM's own
            String value = props.getProperty(key);
            if (!value.equals(System.getProperty(key))) System.setProperty(key, value);
        }
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
