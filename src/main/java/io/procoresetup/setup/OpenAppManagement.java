package io.procoresetup.setup;

import io.procoresetup.ui.AppManagementPage;
import io.procoresetup.ui.HomePage;

/** DMSA step 1: Company Tools > Admin > Company Settings > App Management. */
public final class OpenAppManagement implements SetupStep<HomePage, AppManagementPage> {
    @Override public String title() { return "Open App Management"; }

    @Override public String article() { return Dmsa.ARTICLES + "admin/faq/what-is-app-management"; }

    @Override
    public Seen<AppManagementPage> inspect(StepContext c, HomePage home) {
        return Seen.moved(home.header().openAccountAndAdminSettings().openAppManagement(), "opened App Management");
    }

    @Override
    public Applied<AppManagementPage> apply(StepContext c, HomePage home, Seen<AppManagementPage> seen) {
        throw new IllegalStateException("navigation has nothing to apply");
    }
}
