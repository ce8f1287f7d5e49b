package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.AppUserPage;

/**
 * DMSA step 4: Directory > the app's user > Edit > tick "Add <user> to all new projects in <company>" >
 * Save. Its permission levels come from the manifest and are left alone.
 */
public final class AddAppUserToNewProjects implements SetupStep<PermitProjects.Permitted, AddAppUserToNewProjects.AppUser> {
    /** The app's Directory user as this step left it (no page while the app is not installed yet). */
    public record AppUser(PermitProjects.Permitted projects, String directoryName, AppUserPage page, boolean addsToNewProjects) {}

    @Override public String title() { return "Add the App's User to All New Projects"; }

    @Override public String article() { return Dmsa.ARTICLES + "directory/tutorials/view-dmsa-in-company-directory"; }

    @Override
    public Seen<AppUser> inspect(StepContext c, PermitProjects.Permitted projects) {
        InstallApp.Installed app = projects.app();
        if (app.status() != InstallApp.Status.INSTALLED) {
            return Seen.todo(new AppUser(projects, null, null, false), "tick \"Add <" + app.appName() + "'s user> to all new projects in "
                    + c.companyName() + "\" on the app's Directory user, then Save");
        }
        String user = app.page().directoryUser();
        AppUserPage page = app.page().header().openDirectory().editAppUser(user);
        boolean ticked = page.projectSettings().addsToNewProjects();
        String box = "\"Add " + user + " to all new projects in " + c.companyName() + "\"";
        return ticked ? Seen.done(new AppUser(projects, user, page, true), box + " is already ticked")
                : Seen.todo(new AppUser(projects, user, page, false), "tick " + box + ", then Save");
    }

    @Override
    public Applied<AppUser> apply(StepContext c, PermitProjects.Permitted projects, Seen<AppUser> seen) {
        c.consent().before(Dmsa.changes(projects.app().appName(), null, projects.app().permissions()));
        AppUserPage page = seen.at().page();
        page.projectSettings().addToAllNewProjects(true);
        AppUserPage saved = page.save();
        if (!saved.projectSettings().addsToNewProjects()) {
            throw new HarnessFailure(Category.VERIFICATION_MISMATCH, "after Save the box \"Add " + seen.at().directoryName()
                    + " to all new projects\" is unticked");
        }
        return new Applied<>(new AppUser(projects, seen.at().directoryName(), saved, true), "ticked \"Add " + seen.at().directoryName()
                + " to all new projects in " + c.companyName() + "\" and saved; its permission levels (from the manifest) were left alone");
    }
}
