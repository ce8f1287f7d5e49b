package io.procoresetup.setup;

import io.procoresetup.ui.PermittedProjects;

/**
 * DMSA step 3: the app's View > Permissions tab > Projects > Select All > Add: every active project becomes
 * one the app may use. Select All has no 2,000-project limit.
 */
public final class PermitProjects implements SetupStep<InstallApp.Installed, PermitProjects.Permitted> {
    /** The app's permitted projects as this step left them (-1: not looked, the app is not installed yet). */
    public record Permitted(InstallApp.Installed app, int permitted, boolean startsEmpty) {}

    @Override public String title() { return "Permit the App Every Active Project"; }

    @Override public String article() { return Dmsa.ARTICLES + "admin/tutorials/add-permitted-projects"; }

    @Override
    public Seen<Permitted> inspect(StepContext c, InstallApp.Installed app) {
        if (app.startsEmpty()) {
            return Seen.todo(new Permitted(app, -1, true), "permit every active project (Projects > Select All > Add)");
        }
        PermittedProjects projects = app.page().permittedProjects();
        int missing = projects.notPermitted();
        int permitted = projects.count();
        return missing == 0
                ? Seen.done(new Permitted(app, permitted, false), app.appName() + " may already use every active project (" + permitted + ")")
                : Seen.todo(new Permitted(app, permitted, false), "permit the " + missing + " active projects " + app.appName()
                        + " may not use yet (Projects > Select All > Add)");
    }

    @Override
    public Applied<Permitted> apply(StepContext c, InstallApp.Installed app, Seen<Permitted> seen) {
        c.consent().before(Dmsa.changes(app.appName(), null, app.permissions()));
        PermittedProjects projects = app.page().permittedProjects();
        int added = projects.addAll();
        int permitted = projects.count();
        return new Applied<>(new Permitted(app, permitted, false), "permitted " + added + " projects (Select All, Add): "
                + app.appName() + " may use all " + permitted + " active projects");
    }
}
