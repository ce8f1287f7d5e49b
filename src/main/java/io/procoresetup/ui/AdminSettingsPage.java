package io.procoresetup.ui;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

/** Account & Admin Settings (Procore's Admin tool, headed "Admin"): the page behind the initials menu (guide, step 1). */
public final class AdminSettingsPage {
    static final Locator HEADING = UI.heading("Account & Admin Settings", "Admin");
    static final Locator MENU = UI.section("Company Settings");
    static final Locator SERVICE_ACCOUNTS = UI.link("Service Accounts").within(MENU);
    static final Locator APP_MANAGEMENT = UI.link("App Management").within(MENU);
    static final PageSpec SPEC = PageSpec.of(AdminSettingsPage.class).landmarks(HEADING, MENU).uses(SERVICE_ACCOUNTS);
    /** The same page as today's route (the app install) uses it. */
    static final PageSpec APPS_SPEC = PageSpec.of(AdminSettingsPage.class).landmarks(HEADING, MENU).uses(APP_MANAGEMENT);

    private final Browser browser;

    AdminSettingsPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /**
     * Guide, step 2: "Select Service Accounts from the right hand menu." A missing item is a changed UI,
     * unless the page says this login lacks permission.
     */
    public ServiceAccountsPage openServiceAccounts() {
        if (!browser.present(SERVICE_ACCOUNTS)) {
            if (browser.present(UI.permissionDenied())) {
                throw new HarnessFailure(Category.PERMISSION_DENIED, "the Company Settings menu has no Service Accounts and Procore says \""
                        + browser.textIfPresent(UI.permissionDenied()).orElse("") + "\": this login is not a company admin");
            }
            throw new UiChanged(SPEC, SERVICE_ACCOUNTS, browser.observed());
        }
        browser.click(SPEC, SERVICE_ACCOUNTS);
        return new ServiceAccountsPage(browser);
    }

    /** The DMSA route's way in: Company Settings > App Management. */
    public AppManagementPage openAppManagement() {
        if (!browser.present(APP_MANAGEMENT)) {
            if (browser.present(UI.permissionDenied())) {
                throw new HarnessFailure(Category.PERMISSION_DENIED, "the Company Settings menu has no App Management and Procore says \""
                        + browser.textIfPresent(UI.permissionDenied()).orElse("") + "\": this login is not a company admin");
            }
            throw new UiChanged(SPEC, APP_MANAGEMENT, browser.observed());
        }
        browser.click(SPEC, APP_MANAGEMENT);
        return new AppManagementPage(browser);
    }

    public HomePage asHome() { return new HomePage(browser); }
}
