package io.procoresetup.suites;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.browser.BrowserWarmup;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.sim.SimServer;
import io.procoresetup.ui.Browser;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.HasCapabilities;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a suite run holds open: the embedded simulator when the target is it, the browser session
 * and the evidence. Closing it writes the manifest and the Allure side files, then releases all.
 */
public final class RunSession implements AutoCloseable {
    public final RunConfig config;
    public final Narrator narrator;
    public final Browser browser;
    public final Evidence evidence;
    private final SimServer sim;
    private final BrowserSessions.Session session;

    private RunSession(RunConfig config, SimServer sim, BrowserSessions.Session session, Narrator narrator) {
        this.config = config;
        this.sim = sim;
        this.session = session;
        this.narrator = narrator;
        this.browser = new Browser(session.driver(), config.timeout());
        this.evidence = new Evidence(browser, config.resultsDir(), narrator);
    }

    public static RunSession open(RunConfig requested, Narrator narrator) {
        RunConfig config = requested;
        // The browser takes about a second to start: start it while the simulator comes up.
        CompletableFuture<BrowserSessions.Session> browser = BrowserWarmup.take(settings(requested));
        SimServer sim = null;
        try {
            if (config.embeddedSimulator()) {
                sim = SimServer.start(SimServer.Options.defaults().withProjects(config.simProjects()).withControl(true)
                        .withUi(config.simUi()));
                config = config.withUrls(sim.url(), sim.url(), sim.url());
                narrator.say("Started the embedded Procore simulator at " + sim.url() + " (" + config.simProjects() + " active projects, " + config.simUi() + " UI)");
            }
            RunSession s = new RunSession(config, sim, BrowserWarmup.join(browser), narrator);
            ResultsFiles.categories(config.resultsDir());
            ResultsFiles.environment(config.resultsDir(), s.environment());
            ResultsFiles.executor(config.resultsDir(), config.target().id + " " + java.time.Instant.now());
            return s;
        } catch (RuntimeException e) {
            browser.thenAccept(BrowserSessions.Session::close);
            if (sim != null) sim.close();
            throw e;
        }
    }

    /** The browser a configuration asks for. */
    public static BrowserSettings settings(RunConfig c) {
        return new BrowserSettings(!c.headed(), c.browserBinary(), c.driverBinary(), c.gridUrl(), c.timeout());
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("target", config.target().id);
        env.put("app.url", config.appUrl());
        env.put("api.url", config.apiUrl());
        env.put("company.id", config.companyId() == null ? "(from the URL after sign-in)" : String.valueOf(config.companyId()));
        env.put("account.name", config.accountName());
        env.put("browser", session.description());
        if (session.driver() instanceof HasCapabilities hc) {
            Capabilities caps = hc.getCapabilities();
            env.put("browser.version", caps.getBrowserName() + " " + caps.getBrowserVersion());
        }
        env.put("grid", config.gridUrl() == null ? "none" : config.gridUrl());
        env.put("java", System.getProperty("java.version"));
        env.put("harness", String.valueOf(RunSession.class.getPackage().getImplementationVersion()));
        return env;
    }

    @Override
    public void close() {
        try {
            evidence.writeManifest();
        } finally {
            evidence.close();
            session.close();
            if (sim != null) sim.close();
        }
    }
}
