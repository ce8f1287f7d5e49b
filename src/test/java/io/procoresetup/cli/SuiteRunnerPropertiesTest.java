package io.procoresetup.cli;

import org.testng.annotations.Test;

import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

/**
 * Handing a run its properties never drops one another thread set meanwhile: the browser warms up in
 * parallel, and Selenium's Grid client sets otel.metrics.exporter=none there, then reads it back.
 */
public class SuiteRunnerPropertiesTest {
    @Test
    public void aPropertySetAfterTheSnapshotSurvives() {
        System.setProperty("harness.stale-from-an-earlier-run", "x");
        Properties snapshot = new Properties();
        snapshot.putAll(System.getProperties());                 // what TargetOptions.resolve copies
        snapshot.remove("harness.stale-from-an-earlier-run");
        snapshot.setProperty("harness.target", "simulator");
        System.setProperty("otel.metrics.exporter.test", "none"); // what the warm-up thread does meanwhile
        try {
            SuiteRunner.apply(snapshot);
            assertEquals(System.getProperty("otel.metrics.exporter.test"), "none", "kept what the other thread set");
            assertEquals(System.getProperty("harness.target"), "simulator", "the run's own setting is in place");
            assertNull(System.getProperty("harness.stale-from-an-earlier-run"), "an earlier run's setting is gone");
        } finally {
            System.clearProperty("otel.metrics.exporter.test");
            System.clearProperty("harness.target");
        }
    }
}
