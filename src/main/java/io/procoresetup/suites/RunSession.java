package io.procoresetup.suites;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.browser.BrowserWarmup;
import io.procoresetup.browser.Timing;
import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.setup.GuidedSetup;
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
        this.browser = new Browser(session.driver(), config.timeout(), narrator::say);
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
                if (config.credentialsFile() == null) {
                    // a fresh demo company every run: its credentials are kept apart from a running simulator's
                    config = config.toBuilder().credentialsFile(CredentialsFile.defaultPath("embedded-simulator", sim.companyId(),
                            config.accountName())).build();
                }
                config = config.toBuilder().urls(sim.url(), sim.url(), sim.url()).controlToken(sim.controlToken()).build();
                Timing.mark("sim-ready");
                narrator.say("Started the embedded Procore simulator at " + sim.url() + " (" + config.simProjects() + " active projects, " + config.simUi() + " UI)");
            }
            RunSession s = new RunSession(config, sim, BrowserWarmup.join(browser), narrator);
            Timing.mark("session-ready");
            ResultsFiles.categories(config.resultsDir());
            s.environment().forEach(s.evidence::environment);
            s.writeReportFiles();
            Timing.mark("results-written");
            return s;
        } catch (RuntimeException e) {
            browser.thenAccept(BrowserSessions.Session::close);
            if (sim != null) sim.close();
            throw e;
        }
    }

    /**
     * Both setup routes' start: the refusals that need no browser (consent's flags, the route's own), then the
     * session. A refusal or a failed start is the run's failure, handed back to the command line.
     */
    static RunSession forSetup(SuiteRun run) {
        try {
            RunConfig config = run.config();
            ConsentGate.precheck(config);
            GuidedSetup.precheck(config);
            return open(config, Narrator.console());
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    /** The simulator this run started, if it started one. */
    public java.util.Optional<SimServer> simulator() { return java.util.Optional.ofNullable(sim); }

    /** The browser a configuration asks for. */
    public static BrowserSettings settings(RunConfig c) {
        return new BrowserSettings(!c.headed(), c.browserBinary(), c.driverBinary(), c.gridUrl(), c.timeout());
    }

    private final String started = java.time.Instant.now().toString();

    /** What is known before sign-in; the company, consent and the rest are added as the run finds them. */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("target", config.target().id + (config.embeddedSimulator() || sim != null ? " (embedded simulator: a fresh demo company)" : ""));
        env.put("target.host", ConsentGate.host(config.appUrl()));
        env.put("api.url", config.apiUrl());
        if (config.companyId() != null) env.put("company.id", String.valueOf(config.companyId()));
        env.put("account.name", config.accountName());
        env.put("browser", session.description());
        if (session.driver() instanceof HasCapabilities hc) {
            Capabilities caps = hc.getCapabilities();
            env.put("browser.version", caps.getBrowserName() + " " + caps.getBrowserVersion());
            if (caps.getCapability("chrome") instanceof Map<?, ?> chrome && chrome.get("chromedriverVersion") != null) {
                env.put("driver.version", "chromedriver " + String.valueOf(chrome.get("chromedriverVersion")).split(" ")[0]);
            }
        }
        env.put("grid", config.gridUrl() == null ? "none (local browser)" : config.gridUrl());
        env.put("java", Runtime.version().toString());
        String version = RunSession.class.getPackage().getImplementationVersion();
        env.put("harness", "procore-setup-harness " + (version != null ? version : "(development build)"));
        env.put("started", started);
        return env;
    }

    /** environment.properties and executor.json (with the report's title) as the run knows them now. */
    private void writeReportFiles() {
        ResultsFiles.environment(config.resultsDir(), evidence.environment());
        ResultsFiles.executor(config.resultsDir(), config.target().id + " " + started, evidence.reportName());
    }

    private volatile CompletableFuture<Void> quitting;

    /**
     * The run has read its last page: the browser is closed in the background (about 0.1 s) while the run goes on
     * without it (the API cross-check); {@link #close()} waits for it. Later pictures say why there are none.
     */
    public void releaseBrowser() {
        if (quitting != null) return;
        evidence.browserReleased("the browser was closed once the run had read the last page it needed");
        quitting = CompletableFuture.runAsync(session::close);
    }

    @Override
    public void close() {
        Timing.mark("evidence-start");
        try {
            writeReportFiles();
            evidence.writeManifest();
        } finally {
            evidence.close();
            Timing.mark("evidence-end");
            if (quitting != null) quitting.join();
            else session.close();
            if (sim != null) sim.close();
            Timing.mark("closed");
            Timing.cpu();
        }
    }
}
