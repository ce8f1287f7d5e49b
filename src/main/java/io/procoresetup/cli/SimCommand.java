package io.procoresetup.cli;

import io.procoresetup.sim.SimServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the embedded Procore simulator in the foreground for people to click through. */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class,
        description = "Run the Procore simulator (UI + REST API) in the foreground until Ctrl-C.")
final class SimCommand implements Callable<Integer> {
    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "4567")
    int port;

    @Option(names = "--projects", description = "Active projects to seed (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int projects;

    @Option(names = "--accounts-state", description = "Traditional service accounts: AVAILABLE, CREATION_DISABLED or SUNSET (default: ${DEFAULT-VALUE}).",
            defaultValue = "AVAILABLE")
    Accounts accountsState;

    @Option(names = "--ui", paramLabel = "UI", defaultValue = "classic",
            description = "Web UI: classic (the guide's pages, default) or current (built like Procore's current web app: portals, hashed classes, fetch-loaded lists).")
    String ui;

    @Option(names = "--control", description = {"Serve the test control API under /__control (off by default), protected by a token:",
            "PROCORE_SIM_CONTROL_TOKEN when set, else a random one that is printed."})
    boolean control;

    @Spec
    CommandSpec spec;

    enum Accounts { AVAILABLE, CREATION_DISABLED, SUNSET }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        if (projects < 0 || projects > 100_000) throw new ParameterException(spec.commandLine(), "--projects must be between 0 and 100000, not " + projects);
        String token = System.getenv(io.procoresetup.config.RunConfig.CONTROL_TOKEN_ENV);
        if (!SimServer.UIS.contains(ui)) throw new ParameterException(spec.commandLine(), "--ui must be classic or current, not " + ui);
        SimServer sim = SimServer.start(SimServer.Options.defaults().withPort(port).withProjects(projects)
                .withControl(control).withAccountsState(accountsState.name()).withUi(ui).withControlToken(token));
        System.out.println("Procore simulator running at " + sim.url() + " (" + sim.ui() + " UI)");
        System.out.println("  company: " + sim.companyName() + " (id " + sim.companyId() + "), " + projects + " active projects");
        System.out.println("  home:    " + sim.url() + "/" + sim.companyId() + "/company/home/list");
        for (SimServer.Login l : sim.logins()) {
            System.out.println("  login:   " + l.email() + " / " + l.password() + (l.admin() ? "  (company admin)" : "  (no admin rights)"));
        }
        System.out.println("  API:     " + sim.url() + "/rest/v1.0 (token: " + sim.url() + "/oauth/token)");
        SimServer.App app = sim.app();
        System.out.println("  app:     " + app.name() + " (Developer Managed Service Account route: Admin > App Management > Install App > Install Custom App)");
        System.out.println("           App Version ID: " + app.versionId());
        System.out.println("           client ID:      " + app.clientId());
        System.out.println("           client secret:  " + app.clientSecret() + "  (made for this local simulator run only)");
        if (control) {
            System.out.println("  control: " + sim.url() + "/__control (test API; send X-Control-Token: "
                    + (token != null && !token.isBlank() ? "the value of " + io.procoresetup.config.RunConfig.CONTROL_TOKEN_ENV : sim.controlToken()) + ")");
            System.out.println("           give the harness the same token in " + io.procoresetup.config.RunConfig.CONTROL_TOKEN_ENV
                    + " to let its cross-check create a probe project");
        }
        System.out.println("Press Ctrl-C to stop.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
        return ExitCodes.OK;
    }
}
