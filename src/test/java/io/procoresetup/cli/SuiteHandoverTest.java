package io.procoresetup.cli;

import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.suites.SuiteRun;
import io.procoresetup.suites.VerifySuite;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.SkipException;
import org.testng.TestNG;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;
import org.testng.xml.XmlSuite;
import org.testng.xml.internal.Parser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A suite run gets its configuration handed over and hands its outcome back through TestNG: from the command line
 * without a system property in between, from a file in suites/ through the one edge that reads harness.* properties.
 * Each run here stops on bad input before a browser opens.
 */
public class SuiteHandoverTest {
    private Properties saved;
    private Path results;

    @BeforeMethod
    public void snapshot() throws Exception {
        saved = (Properties) System.getProperties().clone();
        results = Files.createTempDirectory("suite-handover-");
    }

    @AfterMethod(alwaysRun = true)
    public void restore() {
        System.setProperties(saved);
    }

    @Test
    public void theCommandLineHandsItsConfigurationOverAndGetsTheFailureBackTyped() throws Exception {
        Map<String, String> before = harnessProperties();
        RunConfig config = RunConfig.from(Map.of("app-url", "http://127.0.0.1:9", "results", results.toString(), "read-only", "true"));
        SuiteRunner.Finished finished = onItsOwnThread(() -> SuiteRunner.run("Verify", VerifySuite.class, config));
        Throwable failure = finished.run().failure().orElseThrow(() -> new AssertionError("the suite's failure did not come back"));
        assertTrue(failure instanceof BadInput && failure.getMessage().contains("verify needs --credentials FILE or --client-id ID"),
                String.valueOf(failure));
        assertTrue(finished.run().checks().isEmpty() && finished.run().result().isEmpty());
        assertEquals(harnessProperties(), before, "the run set no harness.* system property");
    }

    @Test
    public void theClientIdReachesTheSuiteInItsConfiguration() throws Exception {
        if (System.getenv(io.procoresetup.setup.GuidedSetup.SECRET_ENV) != null) throw new SkipException(io.procoresetup.setup.GuidedSetup.SECRET_ENV + " is set: the run would go on");
        RunConfig config = RunConfig.from(Map.of("app-url", "http://127.0.0.1:9", "results", results.toString(), "client-id", "abc"));
        SuiteRunner.Finished finished = onItsOwnThread(() -> SuiteRunner.run("Verify", VerifySuite.class, config));
        assertClientSecretAskedFor(finished.run());
    }

    @Test
    public void aSuiteFileBuildsItsConfigurationFromHarnessPropertiesAtItsEdge() throws Exception {
        if (System.getenv(io.procoresetup.setup.GuidedSetup.SECRET_ENV) != null) throw new SkipException(io.procoresetup.setup.GuidedSetup.SECRET_ENV + " is set: the run would go on");
        System.setProperty("harness.app-url", "http://127.0.0.1:9");
        System.setProperty("harness.client-id", "abc");
        System.setProperty("harness.results", results.toString());
        assertClientSecretAskedFor(runFile("suites/verify.xml"));
    }

    @Test
    public void badInputInASuiteFilesPropertiesIsTheSuitesFailureWithTheTablesMessage() throws Exception {
        System.setProperty("harness.app-url", "http://127.0.0.1:9");
        System.setProperty("harness.timeout", "soon");
        System.setProperty("harness.results", results.toString());
        Throwable failure = runFile("suites/verify.xml").failure().orElseThrow(() -> new AssertionError("no failure came back"));
        assertTrue(failure instanceof BadInput && failure.getMessage().endsWith("--timeout must be a whole number, not 'soon'"), String.valueOf(failure));
    }

    private static void assertClientSecretAskedFor(SuiteRun run) {
        Throwable failure = run.failure().orElseThrow(() -> new AssertionError("no failure came back"));
        // past "verify needs --credentials FILE or --client-id ID": the suite saw the client ID, and wants its secret
        assertTrue(failure instanceof BadInput && failure.getMessage().contains("no client secret"), String.valueOf(failure));
    }

    /** Runs a file in suites/ as Maven does, catching the run its edge attached. */
    private static SuiteRun runFile(String file) throws Exception {
        List<XmlSuite> suites = new ArrayList<>(new Parser(file).parse());
        List<SuiteRun> runs = new ArrayList<>();
        TestNG tng = new TestNG(false);
        tng.setUseDefaultListeners(false);
        tng.setVerbose(0);
        tng.setXmlSuites(suites);
        tng.addListener(new ISuiteListener() {
            @Override
            public void onFinish(ISuite suite) { SuiteRun.attachedTo(suite).ifPresent(runs::add); }
        });
        onItsOwnThread(() -> {
            tng.run();
            return null;
        });
        assertEquals(runs.size(), 1, "the edge attached one run to " + file);
        return runs.get(0);
    }

    /** A nested TestNG run keeps its per-thread state (Allure's current test) off this test's thread. */
    private static <T> T onItsOwnThread(java.util.concurrent.Callable<T> work) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).get();
    }

    private static Map<String, String> harnessProperties() {
        Map<String, String> m = new TreeMap<>();
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith(RunConfig.PREFIX)) m.put(k, System.getProperty(k));
        }
        return m;
    }
}
