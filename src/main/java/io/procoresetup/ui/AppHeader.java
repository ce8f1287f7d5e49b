package io.procoresetup.ui;

/** The header on every Procore page: company name, the Company Tools selector and your initials. */
public final class AppHeader {
    static final Locator HEADER = UI.header();
    static final Locator INITIALS = UI.initials();
    static final Locator COMPANY_TOOLS = UI.buttonStartingWith("Company Tools").within(HEADER);
    static final Locator ADMIN_SETTINGS = UI.link("Account & Admin Settings").within(HEADER);
    static final Locator DIRECTORY = UI.link("Directory").within(HEADER);
    private static final Locator COMPANY_NAME = new Locator("the company name in the header",
            "//header//*[not(self::a or self::button or self::ul or self::li or self::nav or self::script)][normalize-space()][not(*)]"
                    + "[not(ancestor::nav or ancestor::ul or ancestor::button or ancestor::a)]");

    private final Browser browser;

    AppHeader(Browser browser) { this.browser = browser; }

    public String companyName() { return browser.text("AppHeader", COMPANY_NAME); }

    /** Guide, step 1: "Under your initials in the top right corner, click Account & Admin Settings." */
    public AdminSettingsPage openAccountAndAdminSettings() {
        browser.click("AppHeader", INITIALS);
        Locator settings = ADMIN_SETTINGS;
        Locator anyItem = new Locator("an item of the menu under your initials", "//header//*[@role='menuitem' or self::a][normalize-space()]"
                + "[ancestor::*[@role='menu']]");
        browser.until("the menu under your initials", browser.timeout(), d -> browser.visible(settings) || browser.visible(anyItem));
        if (!browser.visible(settings)) {
            throw new io.procoresetup.failure.HarnessFailure(io.procoresetup.failure.Category.PERMISSION_DENIED,
                    "the menu under your initials has no Account & Admin Settings: this login is not a company admin");
        }
        browser.click("AppHeader", settings);
        return new AdminSettingsPage(browser);
    }

    /** Guide, step 5: "selecting Directory from the Company Tools selector at the top of Procore". */
    public DirectoryPage openDirectory() {
        browser.click("AppHeader", COMPANY_TOOLS);
        browser.click("AppHeader", DIRECTORY);
        return new DirectoryPage(browser);
    }

    /** Whether the account menu offers Account & Admin Settings (only company admins get it). */
    public boolean offersAdminSettings() {
        browser.click("AppHeader", INITIALS);
        boolean offered = browser.present(UI.link("Account & Admin Settings").within(HEADER));
        browser.click("AppHeader", INITIALS);
        return offered;
    }
}
