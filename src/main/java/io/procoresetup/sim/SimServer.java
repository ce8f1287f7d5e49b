package io.procoresetup.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.procoresetup.sim.view.Css;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The embedded Procore simulator: pages and REST API over one in-memory state. This class is the
 * simulator's only public entry point; everything else reaches it over HTTP.
 */
public final class SimServer implements AutoCloseable {

    /** How to start it: port (0 = any free one), the seeded company, and whether tests may control it. */
    public record Options(String host, int port, String companyName, int projects, int inactiveProjects,
                          boolean control, String accountsState, long addAllMillisPerProject, String ui, String controlToken) {
        public static Options defaults() {
            return new Options("127.0.0.1", 0, "Granite Ridge Construction", 50, 5, false, "AVAILABLE", 40, "classic", null);
        }

        public Options withPort(int p) { return new Options(host, p, companyName, projects, inactiveProjects, control, accountsState, addAllMillisPerProject, ui, controlToken); }

        public Options withProjects(int n) { return new Options(host, port, companyName, n, inactiveProjects, control, accountsState, addAllMillisPerProject, ui, controlToken); }

        public Options withControl(boolean c) { return new Options(host, port, companyName, projects, inactiveProjects, c, accountsState, addAllMillisPerProject, ui, controlToken); }

        public Options withAccountsState(String s) { return new Options(host, port, companyName, projects, inactiveProjects, control, s, addAllMillisPerProject, ui, controlToken); }

        public Options withAddAllMillisPerProject(long ms) { return new Options(host, port, companyName, projects, inactiveProjects, control, accountsState, ms, ui, controlToken); }

        /** Which web UI the simulator serves: {@code classic} (the guide's pages) or {@code current} (built like Procore's web app). */
        public Options withUi(String u) { return new Options(host, port, companyName, projects, inactiveProjects, control, accountsState, addAllMillisPerProject, u, controlToken); }

        /** The token the control API asks for (X-Control-Token); null makes a random one. */
        public Options withControlToken(String t) { return new Options(host, port, companyName, projects, inactiveProjects, control, accountsState, addAllMillisPerProject, ui, t); }
    }

    /** The integration app seeded in Procore's catalogue (a DMSA app, REFERENCE.md section 7): its name. */
    public static final String APP_NAME = "LaborChart Sync";
    /** What a company admin types into Install Custom App: 36 characters. */
    public static final String APP_VERSION_ID = "7b1f5e2c-3a94-4d6b-9c8e-2f4a6d1b0e53";
    public static final String APP_VERSION = "1.4.0";
    public static final String APP_DEVELOPER = "LaborChart";
    /** The vendor's client ID; its secret is made at each start ({@link #app()}), never a constant. */
    public static final String APP_CLIENT_ID = "a3c9e1f07b254d6e8c1a9f3b5d7e2c4a6b8d0f1e3c5a7b9d2e4f6a8c0b1d3e5f";
    /** The company tool levels the app's manifest asks for, in the order the install confirmation lists them. */
    public static final Map<String, String> APP_PERMISSIONS = ordered("Directory", "Read Only", "Portfolio", "Read Only",
            "Schedule", "Standard", "Timecard", "Standard");

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The seeded app as a vendor knows it: its App Version ID and client credentials. */
    public record App(String name, String versionId, String version, String developer, String clientId, String clientSecret,
                      Map<String, String> permissions) {
        @Override public String toString() { return "App[" + name + ", " + versionId + ", client " + clientId + "]"; }
    }

    /** The web UIs the simulator can serve. */
    public static final List<String> UIS = UiSupport.UIS;

    /** A login seeded into the default company. */
    public record Login(String email, String password, boolean admin) {}

    private final SimState state;
    private final Javalin app;
    private final long companyId;

    private SimServer(Options o) {
        SimConfig config = new SimConfig();
        config.controlEnabled = o.control();
        config.controlToken = o.controlToken() != null && !o.controlToken().isBlank() ? o.controlToken() : randomToken();
        config.accountsState = Model.AccountsState.valueOf(o.accountsState().toUpperCase()).name();
        config.addAllMillisPerProject = o.addAllMillisPerProject();
        config.ui = SimConfig.ui(o.ui());
        this.state = new SimState(config);
        this.companyId = state.seedCompany(o.companyName(), o.projects(), o.inactiveProjects(), 0, 0).id;
        ObjectMapper json = new ObjectMapper();
        byte[] css = resource("/sim/sim.css");
        byte[] js = resource("/sim/sim.js");
        // the current UI's class names are hashed per start, as a CSS-in-JS build would: nobody can lean on them
        Css hashed = new Css(Long.toString(System.nanoTime(), 36));
        byte[] currentCss = hashed.sheet(new String(resource("/sim/current.css"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] currentJs = resource("/sim/current.js");
        UiSupport ui = new UiSupport(state, hashed);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.jetty.host = o.host();
            cfg.jetty.port = o.port();
            cfg.routes.before(ctx -> {
                String path = ctx.path();
                if (path.startsWith(ControlRoutes.PREFIX) || path.startsWith("/assets/")) return;
                state.faults.seen(ctx.method().name(), path);
                Faults.Rule rule = state.faults.fire(ctx.method().name(), path);   // decided on arrival, before any delay
                long latency = state.faults.latencyFor(path);
                if (latency > 0) Thread.sleep(latency);      // the simulator itself may be slow; the harness never sleeps
                if (rule != null && rule.status() == 0) {
                    String sid = ctx.cookie(UiSupport.SESSION_COOKIE);
                    Model.Session session = sid == null ? null : state.sessions.get(sid);
                    if (session != null) session.expiresAt = java.time.Instant.now().minusSeconds(1);
                } else if (rule != null) {
                    if (rule.retryAfter() != null) ctx.header("Retry-After", String.valueOf(rule.retryAfter()));
                    if (path.startsWith("/rest/") || path.startsWith("/oauth/")) {
                        ctx.status(rule.status()).json(Map.of("error", Map.of("code", "server_error",
                                "message", "Internal Server Error", "details", List.of())));
                    } else {
                        ctx.status(rule.status()).html(UiSupport.error("We're sorry, but something went wrong.",
                                "If you are the application owner check the logs for more information."));
                    }
                    ctx.skipRemainingHandlers();
                }
            });
            cfg.routes.get("/assets/sim.css", ctx -> ctx.contentType("text/css").result(css));
            cfg.routes.get("/assets/sim.js", ctx -> ctx.contentType("application/javascript").result(js));
            cfg.routes.get("/assets/app.css", ctx -> ctx.contentType("text/css").result(currentCss));
            cfg.routes.get("/assets/app.js", ctx -> ctx.contentType("application/javascript").result(currentJs));
            new HomeRoutes(ui).register(cfg.routes);
            new AdminRoutes(ui).register(cfg.routes);
            new DirectoryRoutes(ui).register(cfg.routes);
            new AppRoutes(ui).register(cfg.routes);
            new ApiRoutes(state, json).register(cfg.routes);
            new ControlRoutes(state, json).register(cfg.routes);
            cfg.routes.exception(ApiRoutes.Halt.class, (e, ctx) -> { });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (ctx.path().startsWith("/rest/") || ctx.path().startsWith("/oauth/") || ctx.path().startsWith(ControlRoutes.PREFIX)) {
                    ctx.status(400).json(Map.of("error", Map.of("code", "bad_request",
                            "message", "The request could not be understood: " + e.getClass().getSimpleName(), "details", List.of())));
                } else {
                    ctx.status(400).html(UiSupport.error("Bad request", "The request could not be understood."));
                }
            });
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    if (ctx.path().startsWith("/rest/")) ApiRoutes.error(ctx, 404, "not_found", "Resource not found");
                    else UiSupport.notFound(ctx);
                }
            });
        });
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** What the control API asks for in its X-Control-Token header: known only to whoever started the simulator. */
    public String controlToken() { return state.config.controlToken; }

    private static byte[] resource(String name) {
        try (InputStream in = SimServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing simulator resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a simulator with one seeded company. */
    public static SimServer start(Options o) {
        SimServer s = new SimServer(o);
        s.app.start();
        return s;
    }

    public int port() { return app.port(); }

    public String url() { return "http://127.0.0.1:" + port(); }

    public long companyId() { return companyId; }

    /** The UI served now (the control API can switch it). */
    public String ui() { return state.config.ui; }

    public String companyName() { return state.company(companyId).map(c -> c.name).orElse(""); }

    /** The seeded app, with the client secret this start made for it. */
    public App app() {
        Model.App a = state.seededApp;
        return new App(a.name, a.versionId, a.version, a.developer, a.clientId, a.clientSecret, APP_PERMISSIONS);
    }

    public List<Login> logins() {
        synchronized (state) {
            return state.company(companyId).map(c -> c.users.values().stream().filter(u -> u.password != null)
                    .map(u -> new Login(u.email, u.password, u.companyAdmin)).toList()).orElse(List.of());
        }
    }

    @Override
    public void close() {
        app.stop();
        state.shutdown();
    }
}
