package io.procoresetup.sim;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.AddAllJob;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Level;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.ServiceAccount;
import io.procoresetup.sim.Model.Session;
import io.procoresetup.sim.Model.Template;
import io.procoresetup.sim.Model.User;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.procoresetup.sim.Html.esc;

/** Procore's web pages along the guide's six steps, server-rendered from the one state. */
final class UiRoutes {
    static final String SESSION_COOKIE = "_procore_session";
    private static final int PROJECT_PAGE = 50;

    private final SimState state;
    private final Labels l;

    UiRoutes(SimState state) {
        this.state = state;
        this.l = state.labels;
    }

    @FunctionalInterface
    interface PageHandler { void handle(Context ctx, Company c, User u) throws Exception; }

    void register(RoutesConfig r) {
        r.get("/", ctx -> {
            Optional<User> u = sessionUser(ctx);
            ctx.redirect(u.isPresent() ? home(u.get().companyId) : "/login");
        });
        r.get("/login", ctx -> ctx.html(loginPage(ctx.queryParam("return_to"), message(ctx.queryParam("m")), null)));
        r.post("/login", this::login);
        r.get("/logout", this::logout);
        r.post("/logout", this::logout);

        r.get("/{cid}/company/home/list", page(false, this::homePage));
        r.get("/{cid}/company/admin", page(true, this::adminPage));
        r.get("/{cid}/company/profile", page(false, (ctx, c, u) -> ctx.html(Html.page(l, c, u, "My Profile Settings",
                Html.titleBar("My Profile Settings", "") + "<p>" + esc(u.name()) + "</p>"))));
        for (String tool : List.of("documents", "portfolio", "reports")) {
            r.get("/{cid}/company/" + tool, page(false, (ctx, c, u) -> toolPage(ctx, c, u, tool)));
        }
        r.get("/{cid}/company/service_accounts", page(true, this::accountsPage));
        r.get("/{cid}/company/service_accounts/new", page(true, this::newAccountPage));
        r.post("/{cid}/company/service_accounts", page(true, this::createAccount));
        r.get("/{cid}/company/service_accounts/{aid}", page(true, this::viewAccountPage));
        r.post("/{cid}/company/service_accounts/{aid}/reset_secret", page(true, this::resetSecret));
        r.post("/{cid}/company/service_accounts/{aid}/delete", page(true, this::deleteAccount));
        r.get("/{cid}/company/directory", page(false, this::directoryPage));
        r.get("/{cid}/company/directory/users/{uid}/edit", page(true, this::editUserPage));
        r.post("/{cid}/company/directory/users/{uid}/edit", page(true, this::saveUser));
        r.post("/{cid}/company/directory/users/{uid}/projects/{pid}/add", page(true, this::addProject));
        r.post("/{cid}/company/directory/users/{uid}/add_all", page(true, this::startAddAll));
        r.post("/{cid}/company/directory/users/{uid}/add_all/cancel", page(true, this::cancelAddAll));
        r.get("/{cid}/company/directory/users/{uid}/add_all", page(true, this::addAllStatus));
    }

    // ---- session -------------------------------------------------------------------------------

    static String home(long companyId) { return "/" + companyId + "/company/home/list"; }

    private Optional<User> sessionUser(Context ctx) {
        String sid = ctx.cookie(SESSION_COOKIE);
        if (sid == null) return Optional.empty();
        Session s = state.sessions.get(sid);
        if (s == null || s.expiresAt.isBefore(Instant.now())) return Optional.empty();
        return state.user(s.userId);
    }

    private boolean sessionExpired(Context ctx) {
        String sid = ctx.cookie(SESSION_COOKIE);
        Session s = sid == null ? null : state.sessions.get(sid);
        return s != null && s.expiresAt.isBefore(Instant.now());
    }

    private PageHandler guard(boolean adminOnly, PageHandler h) {
        return (ctx, c, u) -> {
            if (adminOnly && !u.companyAdmin) {
                ctx.status(HttpStatus.FORBIDDEN).html(Html.page(l, c, u, "Access Denied",
                        Html.titleBar("Access Denied", "") + "<p>You do not have permission to access this page. "
                                + "Ask a company administrator for Admin access to the Company Admin tool.</p>"));
                return;
            }
            h.handle(ctx, c, u);
        };
    }

    private io.javalin.http.Handler page(boolean adminOnly, PageHandler h) {
        PageHandler guarded = guard(adminOnly, h);
        return ctx -> {
            Optional<User> user = sessionUser(ctx);
            if (user.isEmpty()) {
                String m = sessionExpired(ctx) ? "&m=expired" : "";
                String accept = String.valueOf(ctx.header("Accept"));
                if (accept.contains("application/json")) {
                    ctx.status(HttpStatus.UNAUTHORIZED).json(java.util.Map.of("error", "Your session has expired. Please log in again."));
                } else if (ctx.method().name().equals("GET")) {
                    ctx.redirect("/login?return_to=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) + m);
                } else {
                    ctx.redirect("/login?m=expired", HttpStatus.SEE_OTHER);
                }
                return;
            }
            long cid;
            try {
                cid = Long.parseLong(ctx.pathParam("cid"));
            } catch (NumberFormatException e) {
                notFound(ctx);
                return;
            }
            Optional<Company> c = state.company(cid);
            if (c.isEmpty() || c.get().id != user.get().companyId) {
                notFound(ctx);
                return;
            }
            guarded.handle(ctx, c.get(), user.get());
        };
    }

    static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).html(Html.error("The page you were looking for doesn't exist",
                "You may have mistyped the address or the page may have moved."));
    }

    private static String message(String code) {
        if ("expired".equals(code)) return "Your session has expired. Please log in again.";
        if ("out".equals(code)) return "You have been logged out.";
        return null;
    }

    private String loginPage(String returnTo, String info, String error) {
        String rt = returnTo == null ? "" : "<input type=\"hidden\" name=\"return_to\" value=\"" + esc(returnTo) + "\">";
        return Html.bare("Log In", "<main class=\"login\"><h1>Log in to Procore</h1>"
                + (info != null ? Html.alert("notice", info) : "")
                + (error != null ? Html.alert("error", error) : "")
                + "<form method=\"post\" action=\"/login\">" + rt
                + "<label for=\"email\">" + esc(l.get("email")) + "</label><input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\">"
                + "<label for=\"password\">" + esc(l.get("password")) + "</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">"
                + "<button type=\"submit\">" + esc(l.get("logIn")) + "</button></form></main>");
    }

    private void login(Context ctx) {
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        Optional<User> u = email == null ? Optional.empty() : state.userByEmail(email.strip());
        if (u.isEmpty() || u.get().password == null || !u.get().password.equals(password)) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(loginPage(ctx.formParam("return_to"), null, "Invalid email or password."));
            return;
        }
        Session s = state.newSession(u.get());
        ctx.cookie(SESSION_COOKIE, s.id);
        String rt = ctx.formParam("return_to");
        ctx.redirect(rt != null && rt.startsWith("/") && !rt.startsWith("//") ? rt : home(u.get().companyId), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        String sid = ctx.cookie(SESSION_COOKIE);
        if (sid != null) state.sessions.remove(sid);
        ctx.removeCookie(SESSION_COOKIE);
        ctx.redirect("/login?m=out", HttpStatus.SEE_OTHER);
    }

    // ---- pages ---------------------------------------------------------------------------------

    private void homePage(Context ctx, Company c, User u) {
        ctx.html(Html.page(l, c, u, c.name, Html.titleBar(c.name, "") + projectTable(ctx, c)));
    }

    private String projectTable(Context ctx, Company c) {
        int page = intParam(ctx.queryParam("page"), 1);
        List<Project> active = c.projects.values().stream().filter(p -> p.active).toList();
        int pages = Math.max(1, (active.size() + PROJECT_PAGE - 1) / PROJECT_PAGE);
        page = Math.min(Math.max(1, page), pages);
        StringBuilder rows = new StringBuilder();
        for (Project p : active.subList((page - 1) * PROJECT_PAGE, Math.min(active.size(), page * PROJECT_PAGE))) {
            rows.append("<tr><td>").append(esc(p.number)).append("</td><td>").append(esc(p.name)).append("</td><td>Active</td></tr>");
        }
        String nav = pages > 1 ? "<p class=\"pager\">Page " + page + " of " + pages
                + (page < pages ? " <a href=\"?page=" + (page + 1) + "\">Next</a>" : "") + "</p>" : "";
        return "<section aria-labelledby=\"h-projects\"><h2 id=\"h-projects\">Projects (" + active.size() + ")</h2>"
                + "<table><thead><tr><th scope=\"col\">Number</th><th scope=\"col\">Name</th><th scope=\"col\">Status</th></tr></thead><tbody>"
                + rows + "</tbody></table>" + nav + "</section>";
    }

    private void toolPage(Context ctx, Company c, User u, String tool) {
        String title = Character.toUpperCase(tool.charAt(0)) + tool.substring(1);
        ctx.html(Html.page(l, c, u, title, Html.titleBar(title, "") + ("portfolio".equals(tool) ? projectTable(ctx, c) : "")));
    }

    private void adminPage(Context ctx, Company c, User u) {
        String base = "/" + c.id + "/company";
        String menu = "<aside class=\"menus\"><nav class=\"right-menu\" aria-label=\"" + esc(l.get("companySettingsMenu")) + "\">"
                + "<h2>" + esc(l.get("companySettingsMenu")) + "</h2><ul>"
                + Html.menuItem(base + "/admin", "General Settings")
                + Html.menuItem(base + "/admin", "Permission Templates")
                + (state.faults.serviceAccountsUnderApps ? "" : Html.menuItem(base + "/service_accounts", l.get("serviceAccounts")))
                + Html.menuItem(base + "/admin", "Work Classifications")
                + "</ul></nav><nav class=\"right-menu\" aria-label=\"Apps\"><h2>Apps</h2><ul>"
                + Html.menuItem(base + "/admin", l.get("appManagement"))
                + (state.faults.serviceAccountsUnderApps ? Html.menuItem(base + "/service_accounts", l.get("serviceAccounts")) : "")
                + "</ul></nav></aside>";
        String body = "<div class=\"with-menu\"><div class=\"content\">"
                + Html.titleBar(l.get("adminSettings"), "")
                + "<section><h2>Company Information</h2><dl><dt>Company Name</dt><dd>" + esc(c.name) + "</dd>"
                + "<dt>" + esc(l.get("companyId")) + "</dt><dd>" + c.id + "</dd></dl></section></div>" + menu + "</div>";
        ctx.html(Html.page(l, c, u, l.get("adminSettings"), body));
    }

    private void accountsPage(Context ctx, Company c, User u) {
        String base = "/" + c.id + "/company/service_accounts";
        StringBuilder rows = new StringBuilder();
        for (ServiceAccount a : c.accounts.values()) {
            rows.append("<tr><td>").append(esc(a.name)).append("</td><td>").append(esc(a.appType)).append("</td><td>")
                    .append(esc(a.description)).append("</td><td>").append(a.createdAt.toString(), 0, 10).append("</td><td class=\"row-actions\">")
                    .append("<a href=\"").append(base).append('/').append(a.id).append("\">").append(esc(l.get("view"))).append("</a> ")
                    .append("<form method=\"post\" action=\"").append(base).append('/').append(a.id).append("/delete\" class=\"inline\">")
                    .append("<button type=\"submit\" class=\"link\">").append(esc(l.get("delete"))).append("</button></form></td></tr>");
        }
        String empty = c.accounts.isEmpty() ? "<p class=\"empty\">There are no service accounts yet.</p>" : "";
        String flash = "deleted".equals(ctx.queryParam("m")) ? Html.alert("notice", "Service account was successfully deleted.") : "";
        String newButton = state.faults.confirmBeforeNew
                ? "<button type=\"button\" class=\"primary\" data-opens=\"new-confirm\">" + esc(l.get("new")) + "</button>"
                  + "<dialog id=\"new-confirm\" aria-labelledby=\"new-confirm-title\"><h2 id=\"new-confirm-title\">Before you continue</h2>"
                  + "<p>Traditional service accounts are deprecated. Continue to create one anyway?</p>"
                  + "<button type=\"button\" data-closes=\"new-confirm\">" + esc(l.get("cancel")) + "</button> "
                  + "<a class=\"button primary\" role=\"button\" href=\"" + base + "/new\">" + esc(l.get("continue")) + "</a></dialog>"
                : "<a class=\"button primary\" role=\"button\" href=\"" + base + "/new\">" + esc(l.get("new")) + "</a>";
        String body = Html.titleBar(l.get("serviceAccounts"), newButton) + flash
                + "<table aria-label=\"" + esc(l.get("serviceAccounts")) + "\"><thead><tr><th scope=\"col\">" + esc(l.get("name"))
                + "</th><th scope=\"col\">" + esc(l.get("appType")) + "</th><th scope=\"col\">" + esc(l.get("description"))
                + "</th><th scope=\"col\">Created</th><th scope=\"col\">Actions</th></tr></thead><tbody>" + rows + "</tbody></table>" + empty;
        ctx.html(Html.page(l, c, u, l.get("serviceAccounts"), body));
    }

    private String creationDisabled() {
        return "Traditional service accounts can no longer be created. Use a Developer Managed Service Account instead: "
                + "the integration's developer provides an app, and a company admin installs it from App Management.";
    }

    private void newAccountPage(Context ctx, Company c, User u) {
        if (state.config.accounts() != Model.AccountsState.AVAILABLE) {
            ctx.status(HttpStatus.FORBIDDEN).html(Html.page(l, c, u, "New Service Account",
                    Html.titleBar("New Service Account", "") + Html.alert("error", creationDisabled())));
            return;
        }
        ctx.html(Html.page(l, c, u, "New Service Account", accountForm(c, "", "", "Custom", List.of())));
    }

    private String accountForm(Company c, String name, String description, String appType, List<String> errors) {
        StringBuilder err = new StringBuilder();
        if (!errors.isEmpty()) {
            err.append("<div role=\"alert\" class=\"flash error\"><p>Please correct the following errors:</p><ul>");
            errors.forEach(e -> err.append("<li>").append(esc(e)).append("</li>"));
            err.append("</ul></div>");
        }
        String radios = "";
        for (String t : List.of("Custom", "Marketplace")) {
            radios += "<label class=\"radio\"><input type=\"radio\" name=\"app_type\" value=\"" + t + "\""
                    + (t.equals(appType) ? " checked" : "") + "> " + t + "</label>";
        }
        return Html.titleBar("New Service Account", "") + err
                + "<form method=\"post\" action=\"/" + c.id + "/company/service_accounts\" class=\"stacked\">"
                + "<fieldset><legend>" + esc(l.get("appType")) + "</legend>" + radios + "</fieldset>"
                + "<label for=\"sa-name\">" + esc(l.get("name")) + "</label><input id=\"sa-name\" name=\"name\" type=\"text\" value=\"" + esc(name) + "\">"
                + "<label for=\"sa-description\">" + esc(l.get("description")) + "</label><textarea id=\"sa-description\" name=\"description\">"
                + esc(description) + "</textarea>"
                + "<div class=\"form-actions\"><a href=\"/" + c.id + "/company/service_accounts\">" + esc(l.get("cancel")) + "</a> "
                + "<button type=\"submit\" class=\"primary\">" + esc(l.get("create")) + "</button></div></form>";
    }

    private void createAccount(Context ctx, Company c, User u) {
        if (state.config.accounts() != Model.AccountsState.AVAILABLE) {
            ctx.status(HttpStatus.FORBIDDEN).html(Html.page(l, c, u, "New Service Account",
                    Html.titleBar("New Service Account", "") + Html.alert("error", creationDisabled())));
            return;
        }
        String appType = Optional.ofNullable(ctx.formParam("app_type")).orElse("Custom");
        ServiceAccount[] created = new ServiceAccount[1];
        List<String> errors = state.createAccount(c, ctx.formParam("name"), ctx.formParam("description"), appType, u.email, created);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(Html.page(l, c, u, "New Service Account",
                    accountForm(c, Optional.ofNullable(ctx.formParam("name")).orElse(""),
                            Optional.ofNullable(ctx.formParam("description")).orElse(""), appType, errors)));
            return;
        }
        ctx.redirect("/" + c.id + "/company/service_accounts/" + created[0].id, HttpStatus.SEE_OTHER);
    }

    private ServiceAccount accountParam(Context ctx, Company c) {
        try {
            return c.accounts.get(Long.parseLong(ctx.pathParam("aid")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void viewAccountPage(Context ctx, Company c, User u) {
        ServiceAccount a = accountParam(ctx, c);
        if (a == null) {
            notFound(ctx);
            return;
        }
        boolean reveal;
        synchronized (state) {
            reveal = a.revealSecretOnce;
            a.revealSecretOnce = false;         // the secret is shown this once, never again
        }
        ctx.header("Cache-Control", "no-store");
        String secret = reveal
                ? "<code>" + esc(a.clientSecret) + "</code>"
                : "<span class=\"muted\">Hidden. The client secret is shown only once, when it is created or reset.</span>";
        String notice = reveal ? Html.alert("warning", "These credentials will only be shown to you one time. Copy them now and "
                + "store them somewhere safe: treat them like a password.") : "";
        String base = "/" + c.id + "/company/service_accounts/" + a.id;
        String body = Html.titleBar(a.name, "<button type=\"button\" data-opens=\"reset-dialog\">" + esc(l.get("resetSecret")) + "</button>")
                + notice
                + "<section aria-labelledby=\"h-creds\"><h2 id=\"h-creds\">Credentials</h2><dl class=\"credentials\">"
                + "<dt>" + esc(l.get("clientId")) + "</dt><dd><code>" + esc(a.clientId) + "</code></dd>"
                + "<dt>" + esc(l.get("clientSecret")) + "</dt><dd>" + secret + "</dd>"
                + "<dt>" + esc(l.get("companyId")) + "</dt><dd>" + c.id + "</dd></dl></section>"
                + "<section><h2>Details</h2><dl><dt>" + esc(l.get("appType")) + "</dt><dd>" + esc(a.appType) + "</dd><dt>"
                + esc(l.get("description")) + "</dt><dd>" + esc(a.description) + "</dd></dl></section>"
                + "<p><a href=\"/" + c.id + "/company/service_accounts\">Back to " + esc(l.get("serviceAccounts")) + "</a></p>"
                + "<dialog id=\"reset-dialog\" aria-labelledby=\"reset-title\"><h2 id=\"reset-title\">" + esc(l.get("resetSecret")) + "</h2>"
                + "<p>Resetting the client secret removes all permissions and project access of this service account. "
                + "You will need to set its permissions and add it to projects again.</p>"
                + "<form method=\"post\" action=\"" + base + "/reset_secret\"><button type=\"button\" data-closes=\"reset-dialog\">"
                + esc(l.get("cancel")) + "</button> <button type=\"submit\" class=\"primary\">" + esc(l.get("continue")) + "</button></form></dialog>";
        ctx.html(Html.page(l, c, u, a.name, body));
    }

    private void resetSecret(Context ctx, Company c, User u) {
        ServiceAccount a = accountParam(ctx, c);
        if (a == null) {
            notFound(ctx);
            return;
        }
        state.resetSecret(c, a, u.email);
        ctx.redirect("/" + c.id + "/company/service_accounts/" + a.id, HttpStatus.SEE_OTHER);
    }

    private void deleteAccount(Context ctx, Company c, User u) {
        ServiceAccount a = accountParam(ctx, c);
        if (a == null) {
            notFound(ctx);
            return;
        }
        state.deleteAccount(c, a, u.email);
        ctx.redirect("/" + c.id + "/company/service_accounts?m=deleted", HttpStatus.SEE_OTHER);
    }

    private void directoryPage(Context ctx, Company c, User u) {
        String q = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip();
        StringBuilder rows = new StringBuilder();
        List<User> users;
        synchronized (state) {
            users = c.users.values().stream()
                    .filter(x -> q.isEmpty() || x.name().toLowerCase().contains(q.toLowerCase())
                            || x.email.toLowerCase().contains(q.toLowerCase())).toList();
        }
        for (User x : users) {
            rows.append("<tr><td>").append(esc(x.name())).append("</td><td>").append(esc(x.email)).append("</td><td>")
                    .append(esc(c.name)).append("</td><td>");
            if (u.companyAdmin) {
                rows.append("<a href=\"/").append(c.id).append("/company/directory/users/").append(x.id).append("/edit\">")
                        .append(esc(l.get("edit"))).append("</a>");
            }
            rows.append("</td></tr>");
        }
        String body = Html.titleBar(l.get("directory"), "")
                + "<form method=\"get\" class=\"search\" role=\"search\"><label for=\"dir-search\">Search</label>"
                + "<input id=\"dir-search\" name=\"search\" type=\"search\" value=\"" + esc(q) + "\"><button type=\"submit\">Search</button></form>"
                + "<table aria-label=\"Users\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th><th scope=\"col\">Company</th>"
                + "<th scope=\"col\">Actions</th></tr></thead><tbody>" + rows + "</tbody></table>";
        ctx.html(Html.page(l, c, u, l.get("directory"), body));
    }

    private User userParam(Context ctx, Company c) {
        try {
            return c.users.get(Long.parseLong(ctx.pathParam("uid")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String fill(String label, Company c, User x) {
        return label.replace("{user}", x.name()).replace("{company}", c.name);
    }

    private void editUserPage(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            notFound(ctx);
            return;
        }
        String base = "/" + c.id + "/company/directory/users/" + x.id;
        StringBuilder matrix = new StringBuilder("<table class=\"matrix\"><thead><tr><th scope=\"col\">Tool</th>");
        for (Level lv : Level.values()) {
            matrix.append("<th scope=\"col\"><button type=\"button\" class=\"column\">").append(esc(levelLabel(lv))).append("</button></th>");
        }
        matrix.append("</tr></thead><tbody>");
        String body;
        synchronized (state) {
            for (String tool : Model.TOOLS) {
                matrix.append("<tr><th scope=\"row\">").append(esc(tool)).append("</th>");
                for (Level lv : Level.values()) {
                    matrix.append("<td><input type=\"radio\" name=\"perm[").append(esc(tool)).append("]\" value=\"").append(lv.label)
                            .append("\" aria-label=\"").append(esc(tool)).append(": ").append(esc(levelLabel(lv))).append('"')
                            .append(x.level(tool) == lv ? " checked" : "").append("></td>");
                }
                matrix.append("</tr>");
            }
            matrix.append("</tbody></table>");
            StringBuilder templates = new StringBuilder("<option value=\"\">None</option>");
            for (Template t : c.templates.values()) {
                if (!"project_tools".equals(t.type)) continue;
                templates.append("<option value=\"").append(t.id).append('"')
                        .append(Long.valueOf(t.id).equals(x.defaultTemplateId) ? " selected" : "").append('>').append(esc(t.name)).append("</option>");
            }
            StringBuilder current = new StringBuilder();
            StringBuilder others = new StringBuilder();
            int otherCount = 0;
            for (Project p : c.projects.values()) {
                if (x.projectTemplates.containsKey(p.id)) {
                    Template t = c.templates.get(x.projectTemplates.get(p.id));
                    current.append("<tr data-project=\"").append(p.id).append("\"><td>").append(esc(p.displayName())).append("</td><td>")
                            .append(t == null ? "" : esc(t.name)).append("</td></tr>");
                } else if (p.active) {
                    otherCount++;
                    others.append("<tr data-project=\"").append(p.id).append("\"><td>").append(esc(p.displayName()))
                            .append("</td><td><button type=\"button\" data-add=\"").append(base).append("/projects/").append(p.id)
                            .append("/add\">").append(esc(l.get("add"))).append("</button></td></tr>");
                }
            }
            boolean addAllOffered = c.activeProjects() < 2000;
            AddAllJob job = c.jobs.get(x.id);
            String addAll = addAllOffered
                    ? "<div class=\"add-all\" data-status=\"" + base + "/add_all\"><button type=\"button\" class=\"primary\" data-add-all>"
                      + esc(l.get("addAll")) + "</button> <button type=\"button\" data-cancel hidden>" + esc(l.get("cancel")) + "</button>"
                      + " <span class=\"complete\" hidden>" + esc(l.get("complete")) + "</span>"
                      + " <div class=\"progress\" role=\"progressbar\" aria-label=\"" + esc(l.get("addAll")) + " progress\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\""
                      + (job == null ? 0 : job.percent()) + "\" hidden><div class=\"bar\"></div><span class=\"pct\">0%</span></div>"
                      + (job != null && job.state == AddAllJob.State.RUNNING ? "<span data-running hidden></span>" : "")
                      + "</div>"
                    : "<p class=\"notice\">" + esc(l.get("addAll")) + " is not available because this company has 2,000 or more active projects. "
                      + "Add the user to projects individually, or through the REST API's bulk add.</p>";
            String saved = "saved".equals(ctx.queryParam("m")) ? Html.alert("notice", "User was successfully updated.") : "";
            body = Html.titleBar("Edit " + x.name(), "") + saved
                    + "<form id=\"user-form\" method=\"post\" action=\"" + base + "/edit\">"
                    + "<section aria-labelledby=\"h-contact\"><h2 id=\"h-contact\">Contact Information</h2><dl>"
                    + "<dt>Name</dt><dd>" + esc(x.name()) + "</dd><dt>Email</dt><dd>" + esc(x.email) + "</dd></dl></section>"
                    + "<section aria-labelledby=\"h-perm\"><h2 id=\"h-perm\">" + esc(l.get("permissions")) + "</h2>" + matrix + "</section>"
                    + "<section aria-labelledby=\"h-ps\"><h2 id=\"h-ps\">" + esc(l.get("projectSettings")) + "</h2>"
                    + "<label for=\"tpl\">" + esc(l.get("defaultTemplate")) + "</label><select id=\"tpl\" name=\"default_template\">" + templates + "</select>"
                    + "<label class=\"checkbox\"><input type=\"checkbox\" name=\"add_to_new_projects\" value=\"1\"" + (x.addToNewProjects ? " checked" : "")
                    + "> " + esc(fill(l.get("addToAllNew"), c, x)) + "</label></section></form>"
                    + "<section aria-labelledby=\"h-current\"><h2 id=\"h-current\">" + esc(l.get("currentProjects")) + "</h2>"
                    + "<table class=\"current\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Permission Template</th></tr></thead><tbody>"
                    + current + "</tbody></table></section>"
                    + "<section aria-labelledby=\"h-other\"><h2 id=\"h-other\">" + esc(fill(l.get("notBelongTo"), c, x)) + " (<span class=\"count\">" + otherCount + "</span>)</h2>"
                    + addAll
                    + "<table class=\"others\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\"></th></tr></thead><tbody>" + others + "</tbody></table></section>"
                    + "<div class=\"page-actions\"><button type=\"submit\" form=\"user-form\" class=\"primary\">" + esc(l.get("save")) + "</button></div>"
                    + "<dialog id=\"add-all-done\" aria-labelledby=\"add-all-done-title\"><h2 id=\"add-all-done-title\">" + esc(l.get("complete")) + "</h2>"
                    + "<p>" + esc(x.name()) + " was added to all projects.</p><button type=\"button\" data-ok>" + esc(l.get("ok")) + "</button></dialog>";
        }
        ctx.html(Html.page(l, c, u, "Edit " + x.name(), body));
    }

    private String levelLabel(Level lv) {
        return switch (lv) {
            case NONE -> l.get("none");
            case READ_ONLY -> l.get("readOnly");
            case STANDARD -> l.get("standard");
            case ADMIN -> l.get("admin");
        };
    }

    private void saveUser(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            notFound(ctx);
            return;
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String tool : Model.TOOLS) {
            String v = ctx.formParam("perm[" + tool + "]");
            Level lv = v == null ? null : Level.parse(v);
            if (v != null && lv == null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(Html.error("Invalid permission", "Unknown permission level: " + v));
                return;
            }
            if (lv != null) levels.put(tool, lv);
        }
        Long tpl = null;
        String t = ctx.formParam("default_template");
        if (t != null && !t.isBlank()) {
            try {
                tpl = Long.parseLong(t);
            } catch (NumberFormatException e) {
                tpl = -1L;
            }
            if (!c.templates.containsKey(tpl)) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(Html.error("Invalid template", "Unknown permission template."));
                return;
            }
        }
        state.saveUser(c, x, levels, ctx.formParam("add_to_new_projects") != null, tpl, u.email);
        ctx.redirect("/" + c.id + "/company/directory/users/" + x.id + "/edit?m=saved", HttpStatus.SEE_OTHER);
    }

    private void addProject(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        Project p;
        try {
            p = c.projects.get(Long.parseLong(ctx.pathParam("pid")));
        } catch (NumberFormatException e) {
            p = null;
        }
        if (x == null || p == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "Not found"));
            return;
        }
        state.addToProject(c, x, p, null, u.email);
        ctx.json(Map.of("added", p.id));
    }

    private void startAddAll(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            notFound(ctx);
            return;
        }
        AddAllJob job = state.startAddAll(c, x, u.email);
        if (job == null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("error", "Add All is not available at 2,000 or more active projects"));
            return;
        }
        addAllStatus(ctx, c, u);
    }

    private void cancelAddAll(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            notFound(ctx);
            return;
        }
        state.cancelAddAll(c, x, u.email);
        addAllStatus(ctx, c, u);
    }

    private void addAllStatus(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            notFound(ctx);
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        synchronized (state) {
            AddAllJob job = c.jobs.get(x.id);
            out.put("state", job == null ? "idle" : job.state.name().toLowerCase());
            out.put("percent", job == null ? 0 : job.percent());
            out.put("total", job == null ? 0 : job.queue.size());
            out.put("processed", job == null ? 0 : job.processed);
            out.put("added", job == null ? List.of() : List.copyOf(job.added).stream().map(String::valueOf).toList());
            out.put("message", job == null || job.message == null ? "" : job.message);
        }
        ctx.json(out);
    }

    private static int intParam(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
