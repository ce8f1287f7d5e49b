package io.procoresetup.ui;

/** Account & Admin Settings: the page behind the initials menu (guide, step 1). */
public final class AdminSettingsPage {
    static final Locator HEADING = UI.heading("Account & Admin Settings");
    static final Locator MENU = UI.section("Company Settings");
    static final Locator SERVICE_ACCOUNTS = UI.link("Service Accounts").within(MENU);

    private final Browser browser;

    AdminSettingsPage(Browser browser) {
        this.browser = browser;
        browser.expect(this, HEADING, MENU);
    }

    /** Guide, step 2: "Select Service Accounts from the right hand menu." */
    public ServiceAccountsPage openServiceAccounts() {
        if (!browser.present(SERVICE_ACCOUNTS)) {
            throw new io.procoresetup.failure.HarnessFailure(io.procoresetup.failure.Category.PERMISSION_DENIED,
                    "the Company Settings menu has no Service Accounts: this login is not a company admin");
        }
        browser.click("AdminSettingsPage", SERVICE_ACCOUNTS);
        return new ServiceAccountsPage(browser);
    }

    public HomePage asHome() { return new HomePage(browser); }
}
