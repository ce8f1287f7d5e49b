package io.procoresetup.sim;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.App;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Installation;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.User;
import io.procoresetup.sim.view.Views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * App Management (REFERENCE.md section 7): Installed / Uninstalled Apps, Install App > Install Custom App by App
 * Version ID (Install, Install again, Skip the configuration), an app's page with its Permissions tab (permitted
 * projects, the Projects selector with Select All, Add), Uninstall and Reinstall. One handler per action serves both
 * UIs: a form post gets a page or a redirect; a fetch that asks for JSON gets JSON.
 */
final class AppRoutes {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final UiSupport ui;
    private final SimState state;
    private final Labels l;

    AppRoutes(UiSupport ui) {
        this.ui = ui;
        this.state = ui.state;
        this.l = state.labels;
    }

    void register(RoutesConfig r) {
        ui.get(r, "app_management", true, this::listPage);
        ui.get(r, "ui-data/app_management", true, (ctx, c, u) -> ctx.json(rows(c, "uninstalled".equals(ctx.queryParam("tab")))));
        ui.post(r, "app_management/lookup", true, this::lookup);
        ui.post(r, "app_management/install", true, this::install);
        ui.get(r, "app_management/apps/{appId}", true, this::viewPage);
        ui.get(r, "ui-data/app_management/apps/{appId}/projects", true, this::projectsData);
        ui.post(r, "app_management/apps/{appId}/permitted_projects", true, this::permit);
        ui.post(r, "app_management/apps/{appId}/uninstall", true, this::uninstall);
        ui.post(r, "app_management/apps/{appId}/reinstall", true, this::reinstall);
    }

    private Views.Shell shell(Company c, User u, String title) { return ui.shell(c, u, title, l.get("admin")); }

    private static String base(Company c) { return "/" + c.id + "/company/app_management"; }

    private List<Views.AppRow> rows(Company c, boolean uninstalled) {
        synchronized (state) {
            return c.installs.values().stream().filter(i -> i.installed != uninstalled)
                    .map(i -> new Views.AppRow(i.app.id, i.app.name, i.app.version, i.app.developer, i.changedAt.toString().substring(0, 10)))
                    .toList();
        }
    }

    private static List<Views.PermissionLine> permissions(App a) {
        List<Views.PermissionLine> out = new ArrayList<>();
        a.manifest.forEach((tool, level) -> out.add(new Views.PermissionLine(tool, level.label)));
        out.sort(java.util.Comparator.comparingInt(p -> Model.TOOLS.indexOf(p.tool())));
        return out;
    }

    private String flash(Context ctx, Company c) {
        String m = ctx.queryParam("m");
        if (m == null) return null;
        String name = appParam(ctx.queryParam("app")).map(a -> a.name).orElse("The app");
        return switch (m) {
            case "installed" -> name + " was installed.";
            case "uninstalled" -> name + " was uninstalled.";
            case "reinstalled" -> name + " was reinstalled. Its permitted projects were reset: add them again on its "
                    + l.get("permissions") + " tab.";
            case "marketplace" -> l.get("installFromMarketplace") + " opens Procore's App Marketplace, which this simulator does not include. Use "
                    + l.get("installCustomApp") + ".";
            default -> null;
        };
    }

    private Optional<App> appParam(String id) {
        try {
            return id == null ? Optional.empty() : state.app(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Views.InstallDialog dialog(String step, String versionId, String error, App a) {
        return a == null ? new Views.InstallDialog(step, versionId, error, 0, "", "", "", List.of())
                : new Views.InstallDialog(step, versionId, error, a.id, a.name, a.version, a.developer, permissions(a));
    }

    private void render(Context ctx, Company c, User u, boolean uninstalledTab, Views.InstallDialog dialog, String flash) {
        ui.html(ctx, "apps", new Views.AppManagement(shell(c, u, l.get("appManagement")), uninstalledTab, rows(c, uninstalledTab),
                !state.faults.appTabsMissing, !state.faults.installCustomAppMissing, !state.faults.appManagementMissing, flash, dialog));
    }

    private void listPage(Context ctx, Company c, User u) {
        Views.InstallDialog dialog = null;
        String d = ctx.queryParam("dialog");
        if ("install".equals(d) && !state.faults.installCustomAppMissing) dialog = dialog("id", "", null, null);
        if ("configure".equals(d)) dialog = appParam(ctx.queryParam("app")).map(a -> dialog("configure", a.versionId, null, a)).orElse(null);
        render(ctx, c, u, "uninstalled".equals(ctx.queryParam("tab")), dialog, flash(ctx, c));
    }

    /** What is wrong with an App Version ID for this company, or null when it names an app that can be installed. */
    private String problem(Company c, String versionId) {
        if (versionId.isEmpty()) return "Enter the App Version ID.";
        if (versionId.length() != 36 || !UUID.matcher(versionId).matches()) {
            return "An App Version ID has 36 characters, like 1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d.";
        }
        Optional<App> a = state.appByVersionId(versionId);
        if (a.isEmpty()) return "No app matches this App Version ID. Check the ID with the app's developer.";
        if (state.installed(c, a.get()) != null) return a.get().name + " is already installed.";
        return null;
    }

    private static String versionId(Context ctx) { return Optional.ofNullable(ctx.formParam("version_id")).orElse("").strip(); }

    private void refuse(Context ctx, Company c, User u, String versionId, String problem) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        if (UiSupport.wantsJson(ctx)) ctx.json(Map.of("error", problem));
        else render(ctx, c, u, false, dialog("id", versionId, problem, null), null);
    }

    /** Install: the ID is checked, and the confirmation lists what the app's manifest asks for. Nothing changes yet. */
    private void lookup(Context ctx, Company c, User u) {
        String id = versionId(ctx);
        String problem = problem(c, id);
        if (problem != null) {
            refuse(ctx, c, u, id, problem);
            return;
        }
        App a = state.appByVersionId(id).orElseThrow();
        if (UiSupport.wantsJson(ctx)) {
            ctx.json(Map.of("versionId", a.versionId, "name", a.name, "version", a.version, "developer", a.developer,
                    "permissions", permissions(a)));
        } else {
            render(ctx, c, u, false, dialog("confirm", a.versionId, null, a), null);
        }
    }

    /** Install again: the app is installed (or reinstalled, when it was uninstalled) and the optional configuration follows. */
    private void install(Context ctx, Company c, User u) {
        String id = versionId(ctx);
        String problem = problem(c, id);
        if (problem != null) {
            refuse(ctx, c, u, id, problem);
            return;
        }
        App a = state.appByVersionId(id).orElseThrow();
        state.install(c, a, u.email);
        if (UiSupport.wantsJson(ctx)) {
            ctx.json(Map.of("appId", String.valueOf(a.id), "name", a.name, "doneUrl", base(c) + "?m=installed&app=" + a.id,
                    "viewUrl", base(c) + "/apps/" + a.id));
        } else {
            ctx.redirect(base(c) + "?dialog=configure&app=" + a.id, HttpStatus.SEE_OTHER);
        }
    }

    private Installation installation(Context ctx, Company c) {
        Optional<App> a = appParam(ctx.pathParam("appId"));
        synchronized (state) {
            return a.map(x -> c.installs.get(x.id)).orElse(null);
        }
    }

    private List<List<Views.ProjectLine>> projects(Company c, Installation i) {
        List<Views.ProjectLine> permitted = new ArrayList<>();
        List<Views.ProjectLine> available = new ArrayList<>();
        synchronized (state) {
            User x = c.users.get(i.userId);
            for (Project p : c.projects.values()) {
                if (x.projectTemplates.containsKey(p.id)) permitted.add(new Views.ProjectLine(p.id, p.displayName(), ""));
                else if (p.active && i.installed) available.add(new Views.ProjectLine(p.id, p.displayName(), ""));
            }
        }
        return List.of(permitted, available);
    }

    private void viewPage(Context ctx, Company c, User u) {
        Installation i = installation(ctx, c);
        if (i == null) {
            UiSupport.notFound(ctx);
            return;
        }
        boolean tabShown = !state.faults.permissionsTabMissing;
        boolean permissionsTab = tabShown && "permissions".equals(ctx.queryParam("tab"));
        List<List<Views.ProjectLine>> projects = projects(c, i);
        String flash = null;
        if ("added".equals(ctx.queryParam("m"))) {
            int n = UiSupport.intParam(ctx.queryParam("n"), 0);
            flash = String.format("%,d %s added to %s.", n, n == 1 ? "project was" : "projects were", l.get("permittedProjects"));
        }
        String userName;
        boolean installed;
        String changedOn;
        synchronized (state) {
            User x = c.users.get(i.userId);
            userName = x == null ? "" : x.name();
            installed = i.installed;
            changedOn = i.changedAt.toString().substring(0, 10);
        }
        ui.html(ctx, "app", new Views.AppView(shell(c, u, i.app.name), i.app.id, i.app.name, i.app.version, i.app.versionId, i.app.developer,
                installed, changedOn, userName, permissions(i.app), permissionsTab, tabShown, !state.faults.appManagementMissing,
                projects.get(0), projects.get(1), flash));
    }

    private void projectsData(Context ctx, Company c, User u) {
        Installation i = installation(ctx, c);
        if (i == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "Not found"));
            return;
        }
        List<List<Views.ProjectLine>> projects = projects(c, i);
        ctx.json(Map.of("permitted", projects.get(0), "available", projects.get(1)));
    }

    /** Add: the projects chosen in the selector become permitted. One field carries every id, so 2,500 go in one request. */
    private void permit(Context ctx, Company c, User u) {
        Installation i = installation(ctx, c);
        if (i == null) {
            UiSupport.notFound(ctx);
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (String v : ctx.formParams("project_ids")) {
            for (String part : v.split(",")) {
                if (part.isBlank()) continue;
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                    if (UiSupport.wantsJson(ctx)) ctx.json(Map.of("error", "Unknown project: " + part.strip()));
                    else ctx.html(UiSupport.error("Invalid project", "Unknown project: " + part.strip()));
                    return;
                }
            }
        }
        boolean installed;
        synchronized (state) { installed = i.installed; }
        String problem = !installed ? i.app.name + " is not installed. Reinstall it to permit projects."
                : ids.isEmpty() ? "Select at least one project." : null;
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            if (UiSupport.wantsJson(ctx)) ctx.json(Map.of("error", problem));
            else ctx.html(UiSupport.error("Nothing was added", problem));
            return;
        }
        int added = state.permit(c, i, ids, u.email);
        if (UiSupport.wantsJson(ctx)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("added", added);
            out.put("permitted", projects(c, i).get(0).size());
            ctx.json(out);
        } else {
            ctx.redirect(base(c) + "/apps/" + i.app.id + "?tab=permissions&m=added&n=" + added, HttpStatus.SEE_OTHER);
        }
    }

    private void uninstall(Context ctx, Company c, User u) {
        Installation i = installation(ctx, c);
        if (i == null) {
            UiSupport.notFound(ctx);
            return;
        }
        state.uninstall(c, i, u.email);
        ctx.redirect(base(c) + "?tab=uninstalled&m=uninstalled&app=" + i.app.id, HttpStatus.SEE_OTHER);
    }

    private void reinstall(Context ctx, Company c, User u) {
        Installation i = installation(ctx, c);
        if (i == null) {
            UiSupport.notFound(ctx);
            return;
        }
        state.install(c, i.app, u.email);
        ctx.redirect(base(c) + "?m=reinstalled&app=" + i.app.id, HttpStatus.SEE_OTHER);
    }
}
