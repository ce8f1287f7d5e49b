package io.procoresetup.ui;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

/** The header on every Procore page: company name, the Company Tools selector and your initials. */
public final class AppHeader {
    static final Locator HEADER = UI.header();
    static final Locator INITIALS = UI.initials();
    static final Locator COMPANY_TOOLS = UI.buttonStartingWith("Company Tools").within(HEADER);
    /** The guide's way in; menus may open in the header or in a portal at the end of the page. */
    static final Locator ADMIN_SETTINGS = UI.menuItem("Account & Admin Settings");
    /** Procore's other way in: Company Tools > Admin. */
    static final Locator ADMIN_TOOL = UI.menuItem("Admin");
    static final Locator DIRECTORY = UI.menuItem("Directory");
    private static final Locator COMPANY_NAME = new Locator("the company name in the header",
            "(" + UI.captioned("Company").xpath() + " | " + HEADER.xpath()
                    + "//*[not(self::a or self::button or self::ul or self::li or self::nav or self::script)][normalize-space()][not(*)]"
                    + "[not(ancestor::nav or ancestor::ul or ancestor::button or ancestor::a or ancestor::template)])");

    /** On every page: the header, your initials and the Company Tools selector. */
    static final PageSpec SPEC = PageSpec.of(AppHeader.class).landmarks(HEADER, INITIALS, COMPANY_TOOLS);
    /** The menu under your initials (guide, step 1). */
    static final PageSpec ACCOUNT_MENU = PageSpec.overlay("AccountMenu").uses(ADMIN_SETTINGS);
    /** The Company Tools selector, opened (guide, step 5); Admin there is only a fallback, so not required. */
    static final PageSpec COMPANY_TOOLS_MENU = PageSpec.overlay("CompanyToolsMenu").uses(DIRECTORY);

    private final Browser browser;

    AppHeader(Browser browser) { this.browser = browser; }

    /** The company's name as the header shows it: under the "Company" caption, or on its own. */
    public String companyName() { return browser.text(SPEC, COMPANY_NAME); }

    /**
     * Guide, step 1: "Under your initials in the top right corner, click Account & Admin Settings."
     * Procore also offers Company Tools > Admin. When neither is offered, the Admin page itself says
     * whether this login lacks permission; otherwise the menu changed.
     */
    public AdminSettingsPage openAccountAndAdminSettings() {
        if (openMenuOffering(INITIALS, "the menu under your initials", ADMIN_SETTINGS)) {
            browser.click(SPEC, ADMIN_SETTINGS);
            return new AdminSettingsPage(browser);
        }
        if (openMenuOffering(COMPANY_TOOLS, "the Company Tools menu", ADMIN_TOOL)) {
            browser.click(SPEC, ADMIN_TOOL);
            return new AdminSettingsPage(browser);
        }
        // neither menu offers it: only the Admin page itself can say whether this login lacks permission
        String observed = browser.observed();
        Long company = LoginPage.companyIdIn(browser.url());
        if (company != null) {
            browser.open(LoginPage.origin(browser.url()) + "/" + company + "/company/admin");
            int seen;
            try {
                seen = browser.awaitOne(AdminSettingsPage.SPEC, false, AdminSettingsPage.HEADING, UI.permissionDenied());
            } catch (UiChanged neither) {
                seen = -1;
            }
            if (seen == 1) {
                throw new HarnessFailure(Category.PERMISSION_DENIED, "this login is not a company admin: Procore says \""
                        + browser.observed() + "\" on the Admin page, and the menu under your initials has no Account & Admin Settings");
            }
        }
        throw new UiChanged(SPEC, ADMIN_SETTINGS, observed);
    }

    /** Opens a header menu and waits for it to show; true when it offers {@code item} (the menu is left open then). */
    private boolean openMenuOffering(Locator opener, String menu, Locator item) {
        browser.click(SPEC, opener);
        try {
            browser.until(menu + " to open", browser.timeout(), d -> browser.visible(UI.anyMenuItem()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new UiChanged(SPEC, new Locator(menu, UI.anyMenuItem().xpath()), browser.observed());
        }
        if (browser.visible(item)) return true;
        browser.click(SPEC, opener);                       // close it again
        browser.until(menu + " to close", browser.timeout(), d -> !browser.visible(UI.anyMenuItem()));
        return false;
    }

    /** Guide, step 5: "selecting Directory from the Company Tools selector at the top of Procore". */
    public DirectoryPage openDirectory() {
        browser.click(SPEC, COMPANY_TOOLS);
        browser.click(SPEC, DIRECTORY);
        return new DirectoryPage(browser);
    }

    /** Whether the account menu offers Account & Admin Settings (only company admins get it). */
    public boolean offersAdminSettings() {
        boolean offered = openMenuOffering(INITIALS, "the menu under your initials", ADMIN_SETTINGS);
        if (offered) browser.click(SPEC, INITIALS);
        return offered;
    }
}
