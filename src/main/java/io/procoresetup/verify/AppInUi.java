package io.procoresetup.verify;

import io.procoresetup.config.BadInput;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.ui.AppManagementPage;
import io.procoresetup.ui.AppManagementPage.Tab;
import io.procoresetup.ui.AppPage;
import io.procoresetup.ui.AppUserPage;
import io.procoresetup.ui.Browser;
import io.procoresetup.ui.HomePage;
import io.procoresetup.ui.ProjectsPage;

import java.util.List;
import java.util.Optional;

/**
 * The UI side of the DMSA cross-check, read-only: which app, its Details (App Version ID, Directory user, tool
 * permissions), its permitted projects, its user's new-projects box, and the company's active projects.
 */
public final class AppInUi {
    private AppInUi() {}

    /** Where an app was found in App Management. */
    private record Found(Tab tab, String name) {}

    /**
     * Reads what the UI shows about the app: the one whose Details show {@code versionId} when given (Installed Apps, then
     * Uninstalled Apps); else the installed one whose Directory user is {@code meName} (what /me answered); else the only
     * installed app (or, with none installed, the only uninstalled one). Several candidates and nothing to choose by is bad input.
     */
    public static AppCrossCheck.Seen read(Browser browser, Evidence evidence, Narrator narrator, String appUrl, HomePage home,
                                          long companyId, String companyName, String versionId, Optional<String> meName) {
        AppManagementPage apps = home.header().openAccountAndAdminSettings().openAppManagement();
        List<String> installed = apps.apps(Tab.INSTALLED);
        List<String> uninstalled = apps.apps(Tab.UNINSTALLED);
        narrator.say("      App Management: installed " + (installed.isEmpty() ? "none" : String.join(", ", installed))
                + "; uninstalled " + (uninstalled.isEmpty() ? "none" : String.join(", ", uninstalled)));
        evidence.screenshot("App Management");
        Found found = null;
        if (versionId != null) {
            for (Tab tab : Tab.values()) {
                for (String name : tab == Tab.INSTALLED ? installed : uninstalled) {
                    AppPage page = apps.view(tab, name);
                    boolean match = versionId.equalsIgnoreCase(page.versionId());
                    apps = page.header().openAccountAndAdminSettings().openAppManagement();
                    if (match && found == null) found = new Found(tab, name);
                }
            }
            if (found == null) narrator.say("      no app in App Management shows App Version ID " + versionId);
        } else {
            if (meName.isPresent()) {
                for (String name : installed) {
                    AppPage page = apps.view(Tab.INSTALLED, name);
                    boolean match = meName.get().equals(page.directoryUser());
                    apps = page.header().openAccountAndAdminSettings().openAppManagement();
                    if (match) {
                        found = new Found(Tab.INSTALLED, name);
                        break;
                    }
                }
            }
            if (found == null && installed.size() == 1) found = new Found(Tab.INSTALLED, installed.get(0));
            if (found == null && installed.isEmpty() && uninstalled.size() == 1) found = new Found(Tab.UNINSTALLED, uninstalled.get(0));
            if (found == null && installed.size() > 1) {
                throw new BadInput("several apps are installed (" + String.join(", ", installed) + ") and none is named: "
                        + "give --app-version-key with the App Version ID of the one to verify");
            }
        }
        List<String> active = ProjectsPage.open(browser, appUrl, companyId).allProjects();
        evidence.screenshot("company project list");
        if (found == null) {
            return new AppCrossCheck.Seen(companyId, companyName, null, false, null, List.of(), active, 0, false);
        }
        AppPage page = new HomePage(browser).header().openAccountAndAdminSettings().openAppManagement().view(found.tab(), found.name());
        String user = page.directoryUser();
        List<String> permissions = page.toolPermissions();
        evidence.screenshot(found.name() + ": Details");
        boolean isInstalled = found.tab() == Tab.INSTALLED;
        narrator.say("      " + found.name() + (isInstalled ? "" : " (uninstalled)") + ": Directory user " + user + "; " + String.join(", ", permissions));
        if (!isInstalled) {
            return new AppCrossCheck.Seen(companyId, companyName, found.name(), false, user, permissions, active, 0, false);
        }
        int permitted = page.permittedProjects().count();
        evidence.screenshot(found.name() + ": Permissions");
        AppUserPage edit = page.header().openDirectory().editAppUser(user);
        boolean ticked = edit.projectSettings().addsToNewProjects();
        evidence.screenshot("the app's Directory user");
        return new AppCrossCheck.Seen(companyId, companyName, found.name(), true, user, permissions, active, permitted, ticked);
    }
}
