package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.AppManagementPage;
import io.procoresetup.ui.AppManagementPage.Tab;
import io.procoresetup.ui.AppPage;
import io.procoresetup.ui.InstallAppDialog;

import java.util.List;

/**
 * DMSA step 2: Install App > Install Custom App > the App Version ID > Install > Install again (the
 * confirmation lists what the manifest asks for) > Skip. An installed app with this ID is reused; an
 * uninstalled one is reinstalled.
 */
public final class InstallApp implements SetupStep<AppManagementPage, InstallApp.Installed> {
    /** Where the app stands for this company. */
    public enum Status { INSTALLED, UNINSTALLED, ABSENT }

    /**
     * The app as this step left it: its status, its page (none while it is not installed), its name and the
     * permissions its manifest asks for, and whether its permitted projects start empty (it is about to be
     * installed or reinstalled, which resets them).
     */
    public record Installed(Status status, AppPage page, String appName, List<String> permissions, boolean startsEmpty) {}

    private final String versionId;

    public InstallApp(String versionId) { this.versionId = versionId; }

    @Override public String title() { return "Install the App"; }

    @Override public String article() { return Dmsa.ARTICLES + "admin/tutorials/install-a-custom-app"; }

    @Override
    public Seen<Installed> inspect(StepContext c, AppManagementPage apps) {
        for (Tab tab : Tab.values()) {
            for (String name : apps.apps(tab)) {
                AppPage page = apps.view(tab, name);
                if (versionId.equalsIgnoreCase(page.versionId())) {
                    List<String> asked = page.toolPermissions();
                    return tab == Tab.INSTALLED
                            ? Seen.done(new Installed(Status.INSTALLED, page, name, asked, false),
                                    name + " (App Version ID " + versionId + ") is already installed: reusing it")
                            : Seen.todo(new Installed(Status.UNINSTALLED, page, name, asked, true),
                                    "reinstall " + name + " (it was uninstalled; reinstalling resets its permitted projects)");
                }
                apps = page.header().openAccountAndAdminSettings().openAppManagement();
            }
        }
        // not here at all: what the ID installs is shown by the dialog's confirmation, before anything is installed
        InstallAppDialog dialog = apps.installCustomApp();
        InstallAppDialog.Confirmation app = dialog.lookUp(versionId);
        dialog.cancel();
        return Seen.todo(new Installed(Status.ABSENT, null, app.appName(), app.permissions(), true),
                "install " + app.appName() + " (App Version ID " + versionId + "), which asks for " + String.join(", ", app.permissions()));
    }

    @Override
    public Applied<Installed> apply(StepContext c, AppManagementPage apps, Seen<Installed> seen) {
        Installed found = seen.at();
        c.consent().before(Dmsa.changes(found.appName(), versionId, found.permissions()));
        if (found.status() == Status.UNINSTALLED) {
            AppPage page = found.page().header().openAccountAndAdminSettings().openAppManagement().reinstall(found.appName());
            return new Applied<>(new Installed(Status.INSTALLED, page, found.appName(), found.permissions(), true),
                    "reinstalled " + found.appName() + "; its permitted projects were reset");
        }
        InstallAppDialog dialog = apps.installCustomApp();
        InstallAppDialog.Confirmation app = dialog.lookUp(versionId);
        if (!app.appName().equals(found.appName()) || !app.permissions().equals(found.permissions())) {
            throw new HarnessFailure(Category.PROCORE_REFUSED, "App Version ID " + versionId + " now installs " + app.appName() + " asking for "
                    + app.permissions() + ", not what consent was given for (" + found.appName() + ", " + found.permissions() + "); nothing was installed");
        }
        AppPage page = dialog.install().view(Tab.INSTALLED, app.appName());
        return new Applied<>(new Installed(Status.INSTALLED, page, app.appName(), app.permissions(), true),
                "installed " + app.appName() + " (App Version ID " + versionId + "); its manifest gives it " + String.join(", ", app.permissions()));
    }
}
