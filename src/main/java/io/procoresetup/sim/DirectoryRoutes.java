package io.procoresetup.sim;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.AddAllJob;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Level;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.Template;
import io.procoresetup.sim.Model.User;
import io.procoresetup.sim.view.Views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Directory: its user list, Edit user (permissions, project settings, projects) and the Add All job. */
final class DirectoryRoutes {
    private final UiSupport ui;
    private final SimState state;
    private final Labels l;

    DirectoryRoutes(UiSupport ui) {
        this.ui = ui;
        this.state = ui.state;
        this.l = state.labels;
    }

    void register(RoutesConfig r) {
        ui.get(r, "directory", false, this::directoryPage);
        ui.get(r, "ui-data/directory", false, (ctx, c, u) -> ctx.json(Map.of("canEdit", u.companyAdmin, "users", users(ctx, c))));
        ui.get(r, "directory/users/{uid}/edit", true, this::editUserPage);
        ui.get(r, "ui-data/users/{uid}/projects", true, this::projectsData);
        ui.post(r, "directory/users/{uid}/edit", true, this::saveUser);
        ui.post(r, "directory/users/{uid}/projects/{pid}/add", true, this::addProject);
        ui.post(r, "directory/users/{uid}/add_all", true, this::startAddAll);
        ui.post(r, "directory/users/{uid}/add_all/cancel", true, this::cancelAddAll);
        ui.get(r, "directory/users/{uid}/add_all", true, this::addAllStatus);
    }

    private Views.Shell shell(Company c, User u, String title) { return ui.shell(c, u, title, l.get("directory")); }

    private List<Views.UserRow> users(Context ctx, Company c) {
        String q = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip().toLowerCase();
        synchronized (state) {
            return c.users.values().stream()
                    .filter(x -> x.active)              // an uninstalled app's user has left the Directory
                    .filter(x -> q.isEmpty() || x.name().toLowerCase().contains(q) || x.email.toLowerCase().contains(q))
                    .map(x -> new Views.UserRow(x.id, x.name(), x.email)).toList();
        }
    }

    private void directoryPage(Context ctx, Company c, User u) {
        String q = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip();
        ui.html(ctx, "directory", new Views.Directory(shell(c, u, l.get("directory")), q, users(ctx, c), u.companyAdmin));
    }

    private User userParam(Context ctx, Company c) {
        try {
            return c.users.get(Long.parseLong(ctx.pathParam("uid")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String levelLabel(Level lv) {
        return switch (lv) {
            case NONE -> l.get("none");
            case READ_ONLY -> l.get("readOnly");
            case STANDARD -> l.get("standard");
            case ADMIN -> l.get("admin");
        };
    }

    /** The user's projects: those they belong to (with their template) and the active ones they do not. */
    private List<List<Views.ProjectLine>> projects(Company c, User x) {
        List<Views.ProjectLine> current = new ArrayList<>();
        List<Views.ProjectLine> others = new ArrayList<>();
        for (Project p : c.projects.values()) {
            if (x.projectTemplates.containsKey(p.id)) {
                Template t = c.templates.get(x.projectTemplates.get(p.id));
                current.add(new Views.ProjectLine(p.id, p.displayName(), t == null ? "" : t.name));
            } else if (p.active) {
                others.add(new Views.ProjectLine(p.id, p.displayName(), ""));
            }
        }
        return List.of(current, others);
    }

    private void editUserPage(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            UiSupport.notFound(ctx);
            return;
        }
        Views.EditUser view;
        synchronized (state) {
            List<Views.LevelColumn> levels = new ArrayList<>();
            for (Level lv : Level.values()) levels.add(new Views.LevelColumn(lv.label, levelLabel(lv)));
            List<Views.ToolLevel> tools = Model.TOOLS.stream().map(t -> new Views.ToolLevel(t, x.level(t).label)).toList();
            List<Views.TemplateOption> templates = c.templates.values().stream().filter(t -> "project_tools".equals(t.type))
                    .map(t -> new Views.TemplateOption(t.id, t.name, Long.valueOf(t.id).equals(x.defaultTemplateId))).toList();
            List<List<Views.ProjectLine>> projects = projects(c, x);
            AddAllJob job = c.jobs.get(x.id);
            view = new Views.EditUser(shell(c, u, "Edit " + x.name()), x.id, x.name(), x.email, levels, tools, templates,
                    x.addToNewProjects, projects.get(0), projects.get(1), c.activeProjects() < 2000,
                    job == null ? 0 : job.percent(), job != null && job.state == AddAllJob.State.RUNNING, "saved".equals(ctx.queryParam("m")),
                    x.appId == null ? null : state.app(x.appId).map(a -> a.name).orElse(null));
        }
        ui.html(ctx, "editUser", view);
    }

    private void projectsData(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "Not found"));
            return;
        }
        synchronized (state) {
            List<List<Views.ProjectLine>> projects = projects(c, x);
            ctx.json(Map.of("current", projects.get(0), "others", projects.get(1)));
        }
    }

    private void saveUser(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            UiSupport.notFound(ctx);
            return;
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String tool : Model.TOOLS) {
            String v = ctx.formParam("perm[" + tool + "]");
            Level lv = v == null ? null : Level.parse(v);
            if (v != null && lv == null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(UiSupport.error("Invalid permission", "Unknown permission level: " + v));
                return;
            }
            if (lv != null) levels.put(tool, lv);
        }
        if ("read_only".equals(ctx.formParam("company_template"))) {
            levels = Model.allAt(Level.READ_ONLY);       // a company permissions template overrides the levels chosen by hand
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
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).html(UiSupport.error("Invalid template", "Unknown permission template."));
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
            UiSupport.notFound(ctx);
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
            UiSupport.notFound(ctx);
            return;
        }
        state.cancelAddAll(c, x, u.email);
        addAllStatus(ctx, c, u);
    }

    private void addAllStatus(Context ctx, Company c, User u) {
        User x = userParam(ctx, c);
        if (x == null) {
            UiSupport.notFound(ctx);
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
}
