package io.procoresetup.sim;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Session;
import io.procoresetup.sim.Model.User;
import io.procoresetup.sim.view.Css;
import io.procoresetup.sim.view.Views;
import io.procoresetup.sim.view.Words;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What every page route shares: the session, the company in the URL (both of Procore's URL forms),
 * the admin guard, and rendering a page record with the template set the simulator serves
 * ({@code classic} or {@code current}, src/main/jte).
 */
final class UiSupport {
    static final String SESSION_COOKIE = "_procore_session";
    /** The template sets, one per UI; both render the same {@link Views} records. */
    static final java.util.List<String> UIS = java.util.List.of("classic", "current");
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "io.procoresetup.sim.pages");

    final SimState state;
    final Words words;
    final Css css;

    UiSupport(SimState state, Css css) {
        this.state = state;
        this.words = new Words(state.labels::get);
        this.css = css;
    }

    @FunctionalInterface
    interface PageHandler { void handle(Context ctx, Company c, User u) throws Exception; }

    /** The UI this simulator serves now. */
    String ui() { return state.config.ui; }

    /** Renders {@code <ui>/<name>.jte} with its one page record. */
    String render(String name, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(ui() + "/" + name + ".jte", model, out);
        return out.toString();
    }

    void html(Context ctx, String name, Object model) { ctx.html(render(name, model)); }

    Views.Shell shell(Company c, User u, String title, String tool) {
        return new Views.Shell(title, c.id, c.name, u.name(), u.initials(), u.companyAdmin, tool, words, css);
    }

    /** A page at /{cid}/company/{path} and at /companies/{cid}/{path}: Procore uses both. */
    void get(RoutesConfig r, String path, boolean adminOnly, PageHandler h) {
        Handler handler = page(adminOnly, h);
        r.get("/{cid}/company/" + path, handler);
        r.get("/companies/{cid}/" + path, handler);
    }

    void post(RoutesConfig r, String path, boolean adminOnly, PageHandler h) {
        Handler handler = page(adminOnly, h);
        r.post("/{cid}/company/" + path, handler);
        r.post("/companies/{cid}/" + path, handler);
    }

    static String home(long companyId) { return "/" + companyId + "/company/home/list"; }

    Optional<User> sessionUser(Context ctx) {
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
                if (wantsJson(ctx)) {
                    ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", "You do not have permission to access this page."));
                    return;
                }
                ctx.status(HttpStatus.FORBIDDEN);
                html(ctx, "message", new Views.Message(shell(c, u, "Access Denied", words.get("admin")), "Access Denied",
                        "You do not have permission to access this page. Ask a company administrator for Admin access to the Company Admin tool.",
                        false, true));
                return;
            }
            h.handle(ctx, c, u);
        };
    }

    static boolean wantsJson(Context ctx) { return String.valueOf(ctx.header("Accept")).contains("application/json"); }

    private Handler page(boolean adminOnly, PageHandler h) {
        PageHandler guarded = guard(adminOnly, h);
        return ctx -> {
            Optional<User> user = sessionUser(ctx);
            if (user.isEmpty()) {
                String m = sessionExpired(ctx) ? "&m=expired" : "";
                if (wantsJson(ctx)) {
                    ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "Your session has expired. Please log in again."));
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

    /** An error page; the same plain page in both UIs (Procore's error pages are not part of the app). */
    static String error(String title, String message) {
        StringOutput out = new StringOutput();
        ENGINE.render("classic/error.jte", new Views.ErrorPage(title, message), out);
        return out.toString();
    }

    static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).html(error("The page you were looking for doesn't exist",
                "You may have mistyped the address or the page may have moved."));
    }

    static int intParam(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
