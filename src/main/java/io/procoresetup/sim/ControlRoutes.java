package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.ServiceAccount;
import io.procoresetup.sim.Model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The test-only control API under /__control: seed, inject faults, read the audit log. Off unless enabled. */
final class ControlRoutes {
    static final String PREFIX = "/__control";
    static final String TOKEN_HEADER = "X-Control-Token";

    private final SimState state;
    private final ObjectMapper json;

    ControlRoutes(SimState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    void register(RoutesConfig r) {
        r.before(PREFIX + "/*", ctx -> {
            if (!state.config.controlEnabled) {
                ctx.status(404).result("Not found");
                ctx.skipRemainingHandlers();
                return;
            }
            String token = ctx.header(TOKEN_HEADER);
            if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    state.config.controlToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                ctx.status(401).json(Map.of("error", "the control API needs the simulator's token in " + TOKEN_HEADER));
                ctx.skipRemainingHandlers();
            }
        });
        r.post(PREFIX + "/reset", ctx -> {
            state.reset();
            ctx.json(Map.of("reset", true));
        });
        r.post(PREFIX + "/companies", ctx -> {
            JsonNode b = body(ctx);
            Company c = state.seedCompany(b.path("name").asText("Granite Ridge Construction"),
                    b.path("projects").asInt(10), b.path("inactiveProjects").asInt(0),
                    b.path("projectsWithoutDirectory").asInt(0), b.path("users").asInt(0));
            ctx.status(201).json(companyJson(c));
        });
        r.get(PREFIX + "/companies/{id}", ctx -> ctx.json(companyJson(company(ctx))));
        r.post(PREFIX + "/companies/{id}/projects", ctx -> {
            JsonNode b = body(ctx);
            Company c = company(ctx);
            Project p = state.createProject(c, b.path("name").asText("New Project"), "control");
            ctx.status(201).json(Map.of("id", p.id, "name", p.name));
        });
        r.post(PREFIX + "/companies/{id}/projects/{pid}/deactivate", ctx -> {
            Company c = company(ctx);
            synchronized (state) {
                Project p = c.projects.get(Long.parseLong(ctx.pathParam("pid")));
                if (p == null) {
                    ctx.status(404).json(Map.of("error", "no such project"));
                    return;
                }
                p.active = false;
            }
            ctx.json(Map.of("deactivated", true));
        });
        r.post(PREFIX + "/companies/{id}/users/{uid}/projects/{pid}/remove", ctx -> {
            Company c = company(ctx);
            synchronized (state) {
                User u = c.users.get(Long.parseLong(ctx.pathParam("uid")));
                if (u == null) {
                    ctx.status(404).json(Map.of("error", "no such user"));
                    return;
                }
                u.projectTemplates.remove(Long.parseLong(ctx.pathParam("pid")));
            }
            ctx.json(Map.of("removed", true));
        });
        r.get(PREFIX + "/companies/{id}/accounts", ctx -> {
            Company c = company(ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            synchronized (state) {
                for (ServiceAccount a : c.accounts.values()) {
                    User u = c.users.get(a.userId);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", a.id);
                    m.put("name", a.name);
                    m.put("clientId", a.clientId);
                    m.put("clientSecret", a.clientSecret);
                    m.put("userId", a.userId);
                    m.put("directoryName", u == null ? "" : u.name());
                    m.put("permissions", u == null ? Map.of() : u.permissions.entrySet().stream()
                            .collect(LinkedHashMap::new, (mm, e) -> mm.put(e.getKey(), e.getValue().label), Map::putAll));
                    m.put("addToNewProjects", u != null && u.addToNewProjects);
                    m.put("projectIds", u == null ? List.of() : u.projectIds().stream().map(String::valueOf).toList());
                    out.add(m);
                }
            }
            ctx.json(out);
        });
        r.get(PREFIX + "/secrets", ctx -> {
            synchronized (state) { ctx.json(Map.of("secrets", List.copyOf(state.issuedSecrets))); }
        });
        r.get(PREFIX + "/audit", ctx -> {
            synchronized (state) {
                ctx.json(state.audit.stream().map(e -> Map.of("seq", e.seq(), "at", e.at().toString(),
                        "companyId", String.valueOf(e.companyId()), "actor", e.actor(), "action", e.action(), "detail", e.detail())).toList());
            }
        });
        r.post(PREFIX + "/config", ctx -> {
            JsonNode b = body(ctx);
            SimConfig c = state.config;
            if (b.has("tokenTtlSeconds")) c.tokenTtlSeconds = b.get("tokenTtlSeconds").asLong();
            if (b.has("sessionTtlSeconds")) c.sessionTtlSeconds = b.get("sessionTtlSeconds").asLong();
            if (b.has("hourlyLimit")) c.hourlyLimit = b.get("hourlyLimit").asInt();
            if (b.has("spikeLimit")) c.spikeLimit = b.get("spikeLimit").asInt();
            if (b.has("spikeWindowSeconds")) c.spikeWindowSeconds = b.get("spikeWindowSeconds").asInt();
            if (b.has("addAllMillisPerProject")) c.addAllMillisPerProject = b.get("addAllMillisPerProject").asLong();
            if (b.has("ui")) c.ui = SimConfig.ui(b.get("ui").asText());
            if (b.has("accountsState")) {
                String s = b.get("accountsState").asText().toUpperCase();
                Model.AccountsState.valueOf(s);
                c.accountsState = s;
            }
            state.rateLimiter.clear();
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/latency", ctx -> {
            JsonNode b = body(ctx);
            state.faults.latencyMillis.put(b.path("path").asText("/"), b.path("millis").asLong());
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/error", ctx -> {
            JsonNode b = body(ctx);
            state.faults.errors.add(new Faults.Rule(b.hasNonNull("method") ? b.get("method").asText() : null,
                    b.path("path").asText("/"), b.hasNonNull("pathRegex") ? b.get("pathRegex").asText() : null,
                    b.path("status").asInt(500), new AtomicInteger(b.path("count").asInt(1)),
                    b.hasNonNull("retryAfter") ? b.get("retryAfter").asInt() : null));
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/expire-session-on", ctx -> {
            JsonNode b = body(ctx);
            state.faults.errors.add(new Faults.Rule(b.hasNonNull("method") ? b.get("method").asText() : null, b.path("path").asText("/"),
                    b.hasNonNull("pathRegex") ? b.get("pathRegex").asText() : null, 0, new AtomicInteger(b.path("count").asInt(1)), null));
            ctx.json(Map.of("ok", true));
        });
        r.get(PREFIX + "/requests", ctx -> ctx.json(List.copyOf(state.faults.requests)));
        r.post(PREFIX + "/faults/rate-limit-storm", ctx -> {
            state.faults.rateLimitStorm.set(body(ctx).path("count").asInt(5));
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/expire-sessions", ctx -> {
            state.sessions.values().forEach(s -> s.expiresAt = Instant.now().minusSeconds(1));
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/expire-tokens", ctx -> {
            state.tokens.values().forEach(t -> t.expiresAt = Instant.now().minusSeconds(1));
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/add-all", ctx -> {
            JsonNode b = body(ctx);
            state.faults.addAllStallAt = b.hasNonNull("stallAt") ? b.get("stallAt").asInt() : null;
            state.faults.addAllFailAt = b.hasNonNull("failAt") ? b.get("failAt").asInt() : null;
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/faults/clear", ctx -> {
            state.faults.clear();
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/variants", ctx -> {
            JsonNode b = body(ctx);
            state.faults.serviceAccountsUnderApps = b.path("serviceAccountsUnderApps").asBoolean(false);
            state.faults.confirmBeforeNew = b.path("confirmBeforeNew").asBoolean(false);
            state.faults.appManagementMissing = b.path("appManagementMissing").asBoolean(false);
            state.faults.appTabsMissing = b.path("appTabsMissing").asBoolean(false);
            state.faults.installCustomAppMissing = b.path("installCustomAppMissing").asBoolean(false);
            state.faults.permissionsTabMissing = b.path("permissionsTabMissing").asBoolean(false);
            ctx.json(Map.of("ok", true));
        });
        r.post(PREFIX + "/companies/{id}/accounts", ctx -> {
            Company c = company(ctx);
            ServiceAccount[] created = new ServiceAccount[1];
            List<String> errors = state.createAccount(c, body(ctx).path("name").asText(""), "", "Custom", "control", created);
            if (!errors.isEmpty()) {
                ctx.status(422).json(Map.of("errors", errors));
                return;
            }
            created[0].revealSecretOnce = false;            // made behind the UI: nobody saw its secret
            ctx.status(201).json(Map.of("id", String.valueOf(created[0].id), "userId", String.valueOf(created[0].userId)));
        });
        r.get(PREFIX + "/app", ctx -> {
            Model.App a = state.seededApp;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name);
            m.put("versionId", a.versionId);
            m.put("version", a.version);
            m.put("developer", a.developer);
            m.put("clientId", a.clientId);
            m.put("clientSecret", a.clientSecret);
            m.put("permissions", SimServer.APP_PERMISSIONS);
            ctx.json(m);
        });
        r.get(PREFIX + "/companies/{id}/app", ctx -> ctx.json(appJson(company(ctx))));
        r.post(PREFIX + "/companies/{id}/app", ctx -> {
            JsonNode b = body(ctx);
            Company c = company(ctx);
            String wanted = b.path("state").asText("installed");
            if (!List.of("installed", "uninstalled", "absent").contains(wanted)) {
                ctx.status(400).json(Map.of("error", "state must be installed, uninstalled or absent"));
                return;
            }
            synchronized (state) {
                Model.Installation old = c.installs.remove(state.seededApp.id);
                if (old != null) c.users.remove(old.userId);            // start from a company that never saw the app
                if (!wanted.equals("absent")) {
                    Model.Installation i = state.install(c, state.seededApp, "control");
                    List<Long> ids = c.projects.values().stream().filter(p -> p.active).limit("all".equals(b.path("permittedProjects").asText()) ? Long.MAX_VALUE : b.path("permittedProjects").asLong(0)).map(p -> p.id).toList();
                    if (!ids.isEmpty()) state.permit(c, i, ids, "control");
                    c.users.get(i.userId).addToNewProjects = b.path("addToNewProjects").asBoolean(false);
                    if (wanted.equals("uninstalled")) state.uninstall(c, i, "control");
                }
            }
            ctx.status(201).json(appJson(c));
        });
        r.post(PREFIX + "/companies/{id}/app/update", ctx -> {
            Company c = company(ctx);
            Model.Installation i = state.installed(c, state.seededApp);
            if (i == null) {
                ctx.status(409).json(Map.of("error", "the app is not installed in this company"));
                return;
            }
            state.update(c, i, "control");
            ctx.json(appJson(c));
        });
        r.post(PREFIX + "/labels", ctx -> {
            JsonNode b = body(ctx);
            List<String> unknown = new ArrayList<>();
            b.fields().forEachRemaining(e -> {
                if (!state.labels.rename(e.getKey(), e.getValue().asText())) unknown.add(e.getKey());
            });
            if (!unknown.isEmpty()) ctx.status(400).json(Map.of("error", "unknown labels " + unknown));
            else ctx.json(Map.of("ok", true));
        });
    }

    private JsonNode body(Context ctx) throws Exception {
        String b = ctx.body();
        return b == null || b.isBlank() ? json.createObjectNode() : json.readTree(b);
    }

    private Company company(Context ctx) {
        return state.company(Long.parseLong(ctx.pathParam("id")))
                .orElseThrow(() -> ApiRoutes.error(ctx, 404, "not_found", "Company not found"));
    }

    /** The seeded app in one company: absent, installed or uninstalled; its Directory user and permitted projects. */
    private Map<String, Object> appJson(Company c) {
        synchronized (state) {
            Map<String, Object> m = new LinkedHashMap<>();
            Model.Installation i = c.installs.get(state.seededApp.id);
            User u = i == null ? null : c.users.get(i.userId);
            m.put("state", i == null ? "absent" : i.installed ? "installed" : "uninstalled");
            if (u != null) {
                m.put("userId", String.valueOf(u.id));
                m.put("directoryName", u.name());
                m.put("email", u.email);
                m.put("addToNewProjects", u.addToNewProjects);
                m.put("permissions", u.permissions.entrySet().stream()
                        .collect(LinkedHashMap::new, (mm, e) -> mm.put(e.getKey(), e.getValue().label), Map::putAll));
                m.put("permittedProjectIds", u.projectIds().stream().map(String::valueOf).toList());
            }
            return m;
        }
    }

    private Map<String, Object> companyJson(Company c) {
        synchronized (state) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", String.valueOf(c.id));
            m.put("name", c.name);
            m.put("activeProjects", c.activeProjects());
            m.put("projects", c.projects.size());
            m.put("users", c.users.size());
            List<Map<String, String>> logins = new ArrayList<>();
            for (User u : c.users.values()) {
                if (u.password != null) logins.add(Map.of("email", u.email, "password", u.password, "admin", String.valueOf(u.companyAdmin)));
            }
            m.put("logins", logins);
            m.put("activeProjectIds", c.projects.values().stream().filter(p -> p.active).map(p -> String.valueOf(p.id)).toList());
            return m;
        }
    }
}
