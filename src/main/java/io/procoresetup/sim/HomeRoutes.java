package io.procoresetup.sim;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.Session;
import io.procoresetup.sim.Model.User;
import io.procoresetup.sim.view.Views;

import java.util.List;
import java.util.Optional;

/** Logging in and out, the company home (its project list), and the company tools the steps pass by. */
final class HomeRoutes {
    private static final int PROJECT_PAGE = 50;

    private final UiSupport ui;
    private final SimState state;

    HomeRoutes(UiSupport ui) {
        this.ui = ui;
        this.state = ui.state;
    }

    void register(RoutesConfig r) {
        r.get("/", ctx -> {
            Optional<User> u = ui.sessionUser(ctx);
            ctx.redirect(u.isPresent() ? UiSupport.home(u.get().companyId) : "/login");
        });
        r.get("/login", ctx -> ui.html(ctx, "login", login(ctx.queryParam("return_to"), message(ctx.queryParam("m")), null)));
        r.post("/login", this::login);
        r.get("/logout", this::logout);
        r.post("/logout", this::logout);

        ui.get(r, "home/list", false, (ctx, c, u) ->
                ui.html(ctx, "home", new Views.Home(ui.shell(c, u, c.name, "Home"), projectTable(ctx, c))));
        ui.get(r, "profile", false, (ctx, c, u) -> ui.html(ctx, "message", new Views.Message(
                ui.shell(c, u, "My Profile Settings", "My Profile"), "My Profile Settings", u.name(), false, false)));
        for (String tool : List.of("documents", "portfolio", "reports")) {
            String title = Character.toUpperCase(tool.charAt(0)) + tool.substring(1);
            ui.get(r, tool, false, (ctx, c, u) -> ui.html(ctx, "tool", new Views.Tool(ui.shell(c, u, title, title), title,
                    "portfolio".equals(tool) ? projectTable(ctx, c) : null)));
        }
    }

    private Views.Login login(String returnTo, String info, String error) {
        return new Views.Login(returnTo, info, error, ui.words, ui.css);
    }

    private static String message(String code) {
        if ("expired".equals(code)) return "Your session has expired. Please log in again.";
        if ("out".equals(code)) return "You have been logged out.";
        return null;
    }

    private void login(Context ctx) {
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        Optional<User> u = email == null ? Optional.empty() : state.userByEmail(email.strip());
        if (u.isEmpty() || u.get().password == null || !u.get().password.equals(password)) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            ui.html(ctx, "login", login(ctx.formParam("return_to"), null, "Invalid email or password."));
            return;
        }
        Session s = state.newSession(u.get());
        ctx.cookie(UiSupport.SESSION_COOKIE, s.id);
        String rt = ctx.formParam("return_to");
        ctx.redirect(rt != null && rt.startsWith("/") && !rt.startsWith("//") ? rt : UiSupport.home(u.get().companyId), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        String sid = ctx.cookie(UiSupport.SESSION_COOKIE);
        if (sid != null) state.sessions.remove(sid);
        ctx.removeCookie(UiSupport.SESSION_COOKIE);
        ctx.redirect("/login?m=out", HttpStatus.SEE_OTHER);
    }

    private Views.ProjectTable projectTable(Context ctx, Company c) {
        synchronized (state) {
            int page = UiSupport.intParam(ctx.queryParam("page"), 1);
            List<Project> active = c.projects.values().stream().filter(p -> p.active).toList();
            int pages = Math.max(1, (active.size() + PROJECT_PAGE - 1) / PROJECT_PAGE);
            page = Math.min(Math.max(1, page), pages);
            List<Views.ProjectRow> rows = active.subList((page - 1) * PROJECT_PAGE, Math.min(active.size(), page * PROJECT_PAGE))
                    .stream().map(p -> new Views.ProjectRow(p.number, p.name)).toList();
            return new Views.ProjectTable(rows, active.size(), page, pages);
        }
    }
}
