package io.procoresetup.setup;

import io.procoresetup.ui.AdminSettingsPage;
import io.procoresetup.ui.ServiceAccountsPage;

/** Guide step 2: "Select Service Accounts from the right hand menu." */
public final class OpenServiceAccounts implements SetupStep<AdminSettingsPage, ServiceAccountsPage> {
    @Override public String title() { return "Service Accounts"; }

    @Override public String article() { return Guide.SERVICE_ACCOUNT_ARTICLE; }

    @Override
    public Seen<ServiceAccountsPage> inspect(StepContext c, AdminSettingsPage settings) {
        return Seen.moved(settings.openServiceAccounts(), "opened Service Accounts");
    }

    @Override
    public Applied<ServiceAccountsPage> apply(StepContext c, AdminSettingsPage settings, Seen<ServiceAccountsPage> seen) {
        throw new IllegalStateException("navigation has nothing to apply");
    }
}
