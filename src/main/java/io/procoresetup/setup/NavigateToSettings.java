package io.procoresetup.setup;

import io.procoresetup.ui.AdminSettingsPage;
import io.procoresetup.ui.HomePage;

/** Guide step 1: "Under your initials in the top right corner, click the Account & Admin Settings." */
public final class NavigateToSettings implements SetupStep<HomePage, AdminSettingsPage> {
    @Override public String title() { return "Navigate to Settings"; }

    @Override public String article() { return Guide.SERVICE_ACCOUNT_ARTICLE; }

    @Override
    public Seen<AdminSettingsPage> inspect(StepContext c, HomePage home) {
        return Seen.moved(home.header().openAccountAndAdminSettings(), "opened Account & Admin Settings");
    }

    @Override
    public Applied<AdminSettingsPage> apply(StepContext c, HomePage home, Seen<AdminSettingsPage> seen) {
        throw new IllegalStateException("navigation has nothing to apply");
    }
}
