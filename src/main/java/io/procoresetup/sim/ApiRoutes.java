package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Level;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.ServiceAccount;
import io.procoresetup.sim.Model.Template;
import io.procoresetup.sim.Model.Token;
import io.procoresetup.sim.Model.User;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Procore's REST API (REFERENCE.md section 3), answered from the same state as the pages. */
final class ApiRoutes {
    static final String COMPANY_HEADER = "Procore-Company-Id";

    private final SimState state;
    private final ObjectMapper json;

    ApiRoutes(SimState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    /**
     * The authenticated caller of a REST request: its token, its traditional account or its app (a DMSA), its
     * Directory user in the company of the header (null for an app not installed there) and that company.
     */
    record Caller(Token token, ServiceAccount account, Model.App app, User user, Company company) {
        String clientId() { return app != null ? app.clientId : account.clientId; }

        boolean companyAdmin() { return user.level("Admin") == Level.ADMIN; }

        boolean atLeast(String tool, Level level) { return user.level(tool).ordinal() >= level.ordinal(); }
    }

    /** Ends the request with an error; thrown from helpers so handlers stay linear. */
    static final class Halt extends RuntimeException {
        Halt() { super(null, null, false, false); }
    }

    void register(RoutesConfig r) {
        r.post("/oauth/token", this::token);
        r.get("/oauth/token/info", this::tokenInfo);
        r.get("/rest/v1.0/me", ctx -> {
            Caller c = caller(ctx, false);
            ok(ctx, Map.of("id", c.user.id, "login", c.user.email, "name", c.user.name()));
        });
        r.get("/rest/v1.0/company_base_url", ctx -> {
            Caller c = caller(ctx, false);
            // the company's web host: here, the simulator itself (on Procore: a region's or a sandbox's host)
            ctx.json(Map.of("company_id", c.company().id, "base_url", ctx.scheme() + "://" + ctx.host()));
        });
        r.get("/rest/v1.0/companies", ctx -> {
            Caller c = caller(ctx, false, false);   // which companies the app is connected to: no tool needed
            List<Company> connected;
            synchronized (state) {
                connected = c.app == null ? List.of(c.company)
                        : state.companies.values().stream().filter(co -> state.installed(co, c.app) != null).toList();
            }
            paginate(ctx, connected, 100, co -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", co.id);
                m.put("name", co.name);
                m.put("is_active", true);
                m.put("logo_url", "");
                m.put("my_company", co.id == c.company.id);
                return m;
            });
        });
        r.get("/rest/v1.0/projects", ctx -> projects(ctx, 1000));
        r.get("/rest/v1.1/projects", ctx -> projects(ctx, 300));
        r.get("/rest/v1.0/companies/{company_id}/users", ctx -> {
            Caller c = caller(ctx, true);
            Company co = pathCompany(ctx, c);
            require(ctx, c.atLeast("Directory", Level.READ_ONLY));
            List<User> users;
            synchronized (state) { users = List.copyOf(co.users.values()); }
            paginate(ctx, users, 1000, u -> userJson(co, u));
        });
        r.get("/rest/v1.0/companies/{company_id}/users/{id}", ctx -> {
            Caller c = caller(ctx, true);
            Company co = pathCompany(ctx, c);
            require(ctx, c.atLeast("Directory", Level.READ_ONLY));
            User u = co.users.get(longParam(ctx, "id"));
            if (u == null) throw error(ctx, 404, "not_found", "User not found");
            ok(ctx, userJson(co, u));
        });
        r.get("/rest/v1.0/companies/{company_id}/users/{user_id}/project_assignments", ctx -> {
            Caller c = caller(ctx, true);
            Company co = pathCompany(ctx, c);
            require(ctx, c.atLeast("Directory", Level.READ_ONLY));
            User u = co.users.get(longParam(ctx, "user_id"));
            if (u == null) throw error(ctx, 404, "not_found", "User not found");
            List<Map<String, Object>> rows = new ArrayList<>();
            synchronized (state) {
                for (Project p : co.projects.values()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("project_id", p.id);
                    m.put("name", p.name);
                    m.put("project_number", p.number);
                    m.put("active", p.active);
                    m.put("is_assigned", u.projectTemplates.containsKey(p.id));
                    Template t = co.templates.get(u.projectTemplates.getOrDefault(p.id, 0L));
                    m.put("permission_template_name", t == null ? "" : t.name);
                    rows.add(m);
                }
            }
            paginate(ctx, rows, 1000, Function.identity());
        });
        r.get("/rest/v1.0/projects/{project_id}/users", ctx -> {
            Caller c = caller(ctx, true);
            long pid = longParam(ctx, "project_id");
            Project p = c.company.projects.get(pid);
            boolean member = c.user.projectTemplates.containsKey(pid);
            if (p == null || (!member && !c.companyAdmin())) throw error(ctx, 404, "not_found", "Project not found");
            List<User> members;
            synchronized (state) { members = c.company.users.values().stream().filter(u -> u.projectTemplates.containsKey(pid)).toList(); }
            paginate(ctx, members, 1000, u -> userJson(c.company, u));
        });
        r.get("/rest/v1.0/companies/{company_id}/permission_templates", ctx -> {
            Caller c = caller(ctx, true);
            Company co = pathCompany(ctx, c);
            require(ctx, c.atLeast("Directory", Level.READ_ONLY));
            String type = ctx.queryParam("filters[type]");
            if (type != null && !List.of("company_tools", "project_tools", "global").contains(type)) {
                throw error(ctx, 400, "invalid_parameter", "filters[type] must be one of company_tools, project_tools, global");
            }
            List<Map<String, Object>> rows = co.templates.values().stream().filter(t -> type == null || t.type.equals(type))
                    .map(t -> templateJson(t)).toList();
            paginate(ctx, rows, 1000, Function.identity());
        });
        r.get("/rest/v1.0/settings/permissions", ctx -> {
            Caller c = caller(ctx, false);
            String q = ctx.queryParam("company_id");
            if (q != null && !q.equals(String.valueOf(c.company.id))) throw error(ctx, 403, "forbidden", "App is not connected to this company");
            List<Map<String, Object>> tools = new ArrayList<>();
            int i = 0;
            for (String tool : Model.TOOLS) {
                Level lv = c.user.level(tool);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", 1000L + i++);
                t.put("name", tool.toLowerCase().replace(' ', '_'));
                t.put("friendly_name", tool);
                t.put("available_for_user", lv != Level.NONE);
                t.put("user_access_level", Map.of("id", (long) lv.id(), "name", lv.label));
                tools.add(t);
            }
            ok(ctx, Map.of("tools", tools));
        });
        r.post("/rest/v1.1/companies/{company_id}/users/bulk_add", this::bulkAdd);
    }

    // ---- OAuth ---------------------------------------------------------------------------------

    private void token(Context ctx) {
        Map<String, String> p = new LinkedHashMap<>();
        String ct = Optional.ofNullable(ctx.contentType()).orElse("");
        if (ct.startsWith("application/json")) {
            JsonNode body;
            try {
                body = json.readTree(ctx.body());
            } catch (Exception e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                oauthError(ctx, 400, "invalid_request", "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.");
                return;
            }
            body.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        } else {
            for (String pair : ctx.body().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(p.get("grant_type"))) {
            oauthError(ctx, 400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
            return;
        }
        Optional<Model.App> app = Optional.ofNullable(p.get("client_id")).flatMap(state::appByClientId);
        if (app.isPresent()) {
            // an app's credentials work whether or not any company installed it; the company header decides later
            if (!app.get().clientSecret.equals(p.get("client_secret"))) {
                oauthError(ctx, 401, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
                return;
            }
            tokenAnswer(ctx, state.newToken(app.get()));
            return;
        }
        Optional<ServiceAccount> a = Optional.ofNullable(p.get("client_id")).flatMap(state::accountByClientId);
        if (a.isEmpty() || !a.get().clientSecret.equals(p.get("client_secret"))) {
            oauthError(ctx, 401, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
            return;
        }
        if (state.config.accounts() == Model.AccountsState.SUNSET) {
            oauthError(ctx, 401, "invalid_client", "Traditional service accounts stopped working on 2025-03-18. Use a Developer Managed Service Account.");
            return;
        }
        tokenAnswer(ctx, state.newToken(a.get()));
    }

    private void tokenAnswer(Context ctx, Token t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", t.value);
        out.put("token_type", "bearer");
        out.put("expires_in", state.config.tokenTtlSeconds);
        out.put("created_at", t.createdAt.getEpochSecond());
        ctx.header("Cache-Control", "no-store");
        ok(ctx, out);
    }

    private void oauthError(Context ctx, int status, String error, String description) {
        ctx.status(status).header("Cache-Control", "no-store").json(Map.of("error", error, "error_description", description));
    }

    private void tokenInfo(Context ctx) {
        Token t = bearer(ctx);
        Optional<Model.App> app = state.app(t.accountId);
        ServiceAccount a = app.isPresent() ? null : state.account(t.accountId).orElseThrow(() -> unauthorized(ctx, "The access token is invalid"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource_owner_id", a == null ? null : a.userId);      // an app's token belongs to no one user
        out.put("scopes", List.of());
        out.put("expires_in_seconds", Math.max(0, t.expiresAt.getEpochSecond() - Instant.now().getEpochSecond()));
        out.put("application", Map.of("uid", a == null ? app.get().clientId : a.clientId));
        out.put("created_at", t.createdAt.getEpochSecond());
        ok(ctx, out);
    }

    // ---- authentication, company header, rate limits --------------------------------------------

    private Token bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) throw unauthorized(ctx, "The access token is invalid");
        Token t = state.tokens.get(auth.substring(7).strip());
        if (t == null) throw unauthorized(ctx, "The access token is invalid");
        if (t.expiresAt.isBefore(Instant.now())) throw unauthorized(ctx, "The access token expired");
        if (state.config.accounts() == Model.AccountsState.SUNSET && state.app(t.accountId).isEmpty()) {
            throw unauthorized(ctx, "The access token is invalid");      // the sunset ends traditional accounts, not apps
        }
        return t;
    }

    private Halt unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"" + message + "\"");
        return error(ctx, 401, "unauthorized", message);
    }

    /**
     * Authenticates, checks the company header and the rate limit, and (when {@code needsAccess})
     * refuses an account that has no access at all: a new account sits at 'None' on every tool.
     */
    private Caller caller(Context ctx, boolean needsAccess) { return caller(ctx, needsAccess, true); }

    /** As above; {@code connected = false} lets an app through to a company where it is not installed (its user is then null). */
    private Caller caller(Context ctx, boolean needsAccess, boolean connected) {
        Token t = bearer(ctx);
        String header = ctx.header(COMPANY_HEADER);
        if (header == null || header.isBlank()) {
            // Procore answers this one in plain text, not in its JSON error shape (REFERENCE.md section 8)
            ctx.status(400).contentType("text/plain").result("Missing Procore-Company-Id header! "
                    + "Please add the Procore-Company-Id header to your request with the ID of the company you are working in.");
            throw new Halt();
        }
        long cid;
        try {
            cid = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw error(ctx, 400, "bad_request", "Procore-Company-Id header must be a company id");
        }
        Optional<Model.App> app = state.app(t.accountId);
        if (app.isPresent()) {
            Company company = state.company(cid).orElseThrow(() -> error(ctx, 404, "not_found", "Company not found"));
            User u;
            synchronized (state) {
                Model.Installation i = state.installed(company, app.get());
                u = i == null ? null : company.users.get(i.userId);
            }
            if (u == null && connected) throw error(ctx, 403, "forbidden", "App is not connected to this company");
            rateLimit(ctx, app.get().clientId);
            return new Caller(t, null, app.get(), u, company);
        }
        ServiceAccount a = state.account(t.accountId).orElseThrow(() -> unauthorized(ctx, "The access token is invalid"));
        Company company = state.company(cid).orElseThrow(() -> error(ctx, 404, "not_found", "Company not found"));
        if (a.companyId != cid) throw error(ctx, 403, "forbidden", "App is not connected to this company");
        User u = company.users.get(a.userId);
        if (u == null) throw unauthorized(ctx, "The access token is invalid");
        rateLimit(ctx, a.clientId);
        if (needsAccess && u.permissions.values().stream().allMatch(l -> l == Level.NONE)) {
            throw error(ctx, 403, "forbidden", "You do not have permission to access this resource. The service account's permissions are 'None'.");
        }
        return new Caller(t, a, null, u, company);
    }

    private void rateLimit(Context ctx, String key) {
        RateLimiter.Decision d = state.faults.rateLimitStorm.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? new RateLimiter.Decision(false, state.config.spikeLimit, 0, Instant.now().getEpochSecond() + 1, 1)
                : state.rateLimiter.take(key, System.currentTimeMillis());
        ctx.header("X-Rate-Limit-Limit", String.valueOf(d.limit()));
        ctx.header("X-Rate-Limit-Remaining", String.valueOf(d.remaining()));
        ctx.header("X-Rate-Limit-Reset", String.valueOf(d.resetEpochSeconds()));
        if (!d.allowed()) {
            ctx.header("Retry-After", String.valueOf(d.retryAfterSeconds()));
            ctx.status(429).contentType("text/plain").result("Rate Limit Exceeded");
            throw new Halt();
        }
    }

    private static void require(Context ctx, boolean allowed) {
        if (!allowed) throw error(ctx, 403, "forbidden", "You do not have permission to access this resource.");
    }

    static Halt error(Context ctx, int status, String code, String message) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", code);
        err.put("message", message);
        err.put("details", List.of());
        ctx.status(status).json(Map.of("error", err));
        return new Halt();
    }

    private Company pathCompany(Context ctx, Caller c) {
        long id = longParam(ctx, "company_id");
        if (id != c.company.id) {
            if (state.company(id).isEmpty()) throw error(ctx, 404, "not_found", "Company not found");
            throw error(ctx, 403, "forbidden", "App is not connected to this company");
        }
        return c.company;
    }

    private static long longParam(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw error(ctx, 404, "not_found", "Resource not found");
        }
    }

    // ---- resources -----------------------------------------------------------------------------

    private void projects(Context ctx, int maxPerPage) {
        Caller c = caller(ctx, true);
        String q = ctx.queryParam("company_id");
        if (q == null || q.isBlank()) throw error(ctx, 400, "bad_request", "company_id is required");
        if (!q.strip().equals(String.valueOf(c.company.id))) {
            long id;
            try {
                id = Long.parseLong(q.strip());
            } catch (NumberFormatException e) {
                throw error(ctx, 400, "bad_request", "company_id must be a company id");
            }
            if (state.company(id).isEmpty()) throw error(ctx, 404, "not_found", "Company not found");
            throw error(ctx, 403, "forbidden", "App is not connected to this company");
        }
        String status = Optional.ofNullable(ctx.queryParam("filters[by_status]")).orElse("Active");
        if (!List.of("Active", "Inactive", "All").contains(status)) {
            throw error(ctx, 400, "invalid_parameter", "filters[by_status] must be one of Active, Inactive, All");
        }
        List<Project> visible;
        synchronized (state) {
            visible = c.company.projects.values().stream()
                    .filter(p -> c.companyAdmin() || c.user.projectTemplates.containsKey(p.id))
                    .filter(p -> status.equals("All") || p.active == status.equals("Active")).toList();
        }
        boolean v11 = maxPerPage == 300;
        paginate(ctx, visible, maxPerPage, p -> projectJson(c.company, p, v11));
    }

    private Map<String, Object> projectJson(Company c, Project p, boolean v11) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("name", p.name);
        m.put("display_name", p.displayName());
        m.put("project_number", p.number);
        m.put("active", p.active);
        m.put("address", "1 Main Street");
        m.put("city", "Denver");
        m.put("state_code", "CO");
        m.put("country_code", "US");
        m.put("zip", "80202");
        m.put("time_zone", "US/Mountain");
        m.put("created_at", p.createdAt.toString());
        m.put("updated_at", p.createdAt.toString());
        m.put("company", Map.of("id", c.id, "name", c.name));
        if (v11) m.put("description", "");
        return m;
    }

    private Map<String, Object> userJson(Company c, User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("name", u.name());
        m.put("first_name", u.firstName);
        m.put("last_name", u.lastName);
        m.put("email_address", u.email);
        m.put("is_active", u.active);
        m.put("is_employee", u.serviceAccountId == null && u.appId == null);
        Template t = u.defaultTemplateId == null ? null : c.templates.get(u.defaultTemplateId);
        if (t != null) m.put("permission_template", templateJson(t));
        m.put("vendor", Map.of("id", c.id, "name", c.name));
        return m;
    }

    private static Map<String, Object> templateJson(Template t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("name", t.name);
        m.put("project_specific", false);
        m.put("type", t.type);
        return m;
    }

    private void bulkAdd(Context ctx) {
        Caller c = caller(ctx, true);
        Company co = pathCompany(ctx, c);
        require(ctx, c.companyAdmin() || c.atLeast("Directory", Level.ADMIN));
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (Exception e) {
            throw error(ctx, 400, "bad_request", "The request body is not valid JSON");
        }
        JsonNode users = body == null ? null : body.get("users");
        if (users == null || !users.isArray()) throw error(ctx, 422, "unprocessable_entity", "users must be an array of {user_id, project_id, permission_template_id}");
        if (users.size() > 1000) throw error(ctx, 422, "unprocessable_entity", "At most 1000 user/project pairs per request");
        // Procore answers per user id, per project id: "success" or the reason it failed.
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (JsonNode triple : users) {
            long uid = triple.path("user_id").asLong(-1);
            long pid = triple.path("project_id").asLong(-1);
            JsonNode tplNode = triple.get("permission_template_id");
            Long tpl = tplNode == null || tplNode.isNull() ? null : tplNode.asLong();
            User u = co.users.get(uid);
            Project p = co.projects.get(pid);
            String result;
            if (u == null) result = "User not found";
            else if (p == null) result = "Project not found";
            else if (tpl != null && !co.templates.containsKey(tpl)) result = "Permission template not found";
            else {
                state.addToProject(co, u, p, tpl, "api:" + c.clientId().substring(0, 8));
                result = "success";
            }
            out.computeIfAbsent(String.valueOf(uid), k -> new LinkedHashMap<>()).put(String.valueOf(pid), result);
        }
        ok(ctx, out);
    }

    // ---- responses -----------------------------------------------------------------------------

    private static void ok(Context ctx, Object body) {
        ctx.status(200).json(body);
    }

    /** page/per_page with Total, Per-Page and Link headers (absolute URLs), as Procore paginates. */
    private <T> void paginate(Context ctx, List<T> all, int maxPerPage, Function<T, Map<String, Object>> render) {
        int perPage = intQuery(ctx, "per_page", 100);
        int page = intQuery(ctx, "page", 1);
        if (perPage < 1 || perPage > maxPerPage) throw error(ctx, 400, "invalid_parameter", "per_page must be between 1 and " + maxPerPage);
        if (page < 1) throw error(ctx, 400, "invalid_parameter", "page must be 1 or more");
        int total = all.size();
        int last = Math.max(1, (total + perPage - 1) / perPage);
        int from = (int) Math.min((long) (page - 1) * perPage, total);
        int to = Math.min(from + perPage, total);
        List<Map<String, Object>> rows = new ArrayList<>(to - from);
        for (T t : all.subList(from, to)) rows.add(render.apply(t));
        ctx.header("Total", String.valueOf(total));
        ctx.header("Per-Page", String.valueOf(perPage));
        List<String> links = new ArrayList<>();
        links.add(link(ctx, 1, perPage, "first"));
        if (page > 1) links.add(link(ctx, Math.min(page - 1, last), perPage, "prev"));
        if (page < last) links.add(link(ctx, page + 1, perPage, "next"));
        links.add(link(ctx, last, perPage, "last"));
        ctx.header("Link", String.join(", ", links));
        ok(ctx, rows);
    }

    private static String link(Context ctx, int page, int perPage, String rel) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("page") || e.getKey().equals("per_page")) continue;
            for (String v : e.getValue()) {
                q.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        }
        q.append("page=").append(page).append("&per_page=").append(perPage);
        String url = ctx.fullUrl();
        int qm = url.indexOf('?');
        return "<" + (qm < 0 ? url : url.substring(0, qm)) + "?" + q + ">; rel=\"" + rel + "\"";
    }

    private static int intQuery(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw error(ctx, 400, "invalid_parameter", name + " must be a whole number");
        }
    }
}
