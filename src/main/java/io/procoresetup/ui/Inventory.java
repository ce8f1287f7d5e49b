package io.procoresetup.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The read-only UI inventory for QA: visits every page the six steps use (and opens and cancels their
 * dialogs), and checks each page object's landmarks and every element a step needs, using the very
 * locators the page objects use. Changes nothing.
 */
public final class Inventory {
    /** One element looked for on one page. */
    public record Item(String page, String element, String xpath, boolean found) {}

    /** What one page showed. */
    public record PageCheck(String page, List<Item> items) {
        public List<Item> missing() { return items.stream().filter(i -> !i.found()).toList(); }
    }

    /** What each page must show: its landmarks first, then the elements the steps use there. */
    public static final Map<String, List<Locator>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("HomePage", List.of(AppHeader.HEADER, AppHeader.INITIALS, AppHeader.COMPANY_TOOLS));
        PAGES.put("AccountMenu", List.of(AppHeader.ADMIN_SETTINGS));
        PAGES.put("CompanyToolsMenu", List.of(AppHeader.DIRECTORY));
        PAGES.put("AdminSettingsPage", List.of(AdminSettingsPage.HEADING, AdminSettingsPage.MENU, AdminSettingsPage.SERVICE_ACCOUNTS));
        PAGES.put("ServiceAccountsPage", List.of(ServiceAccountsPage.HEADING, ServiceAccountsPage.NEW));
        PAGES.put("NewServiceAccountPage", List.of(NewServiceAccountPage.NAME, NewServiceAccountPage.CREATE));
        PAGES.put("ServiceAccountPage", List.of(ServiceAccountPage.CLIENT_ID, ServiceAccountPage.CLIENT_SECRET, ServiceAccountPage.RESET_SECRET));
        PAGES.put("ResetSecretDialog", List.of(ServiceAccountPage.CONTINUE, ServiceAccountPage.CANCEL));
        PAGES.put("DirectoryPage", List.of(DirectoryPage.HEADING));
        PAGES.put("EditUserPage", List.of(PermissionMatrix.level("None"), PermissionMatrix.level("Read Only"), PermissionMatrix.STANDARD,
                PermissionMatrix.level("Admin"), ProjectSettings.SECTION, ProjectSettings.ADD_TO_NEW, EditUserPage.SAVE, AddAllPanel.SECTION,
                AddAllPanel.ADD_ALL, AddAllPanel.INDICATOR));
    }

    private final Browser browser;
    private final String appUrl;
    private final long companyId;
    private final BiConsumer<PageCheck, byte[]> onPage;
    private final List<PageCheck> checks = new ArrayList<>();

    public Inventory(Browser browser, String appUrl, long companyId, BiConsumer<PageCheck, byte[]> onPage) {
        this.browser = browser;
        this.appUrl = appUrl;
        this.companyId = companyId;
        this.onPage = onPage;
    }

    /** Walks the pages from the company's home; {@code account} (may be null) is an existing account to look at. */
    public List<PageCheck> walk(String account, String directoryName) {
        String base = appUrl + "/" + companyId + "/company";
        check("HomePage", true);
        tryClick(AppHeader.INITIALS);
        check("AccountMenu", false);
        tryClick(AppHeader.INITIALS);
        tryClick(AppHeader.COMPANY_TOOLS);
        check("CompanyToolsMenu", false);
        tryClick(AppHeader.COMPANY_TOOLS);

        if (!(tryClick(AppHeader.INITIALS) && tryClick(AppHeader.ADMIN_SETTINGS))) browser.open(base + "/admin");
        settle(AdminSettingsPage.HEADING);
        check("AdminSettingsPage", true);

        if (!tryClick(AdminSettingsPage.SERVICE_ACCOUNTS)) browser.open(base + "/service_accounts");
        settle(ServiceAccountsPage.HEADING);
        check("ServiceAccountsPage", true);

        if (tryClick(ServiceAccountsPage.NEW)) settle(NewServiceAccountPage.NAME);
        check("NewServiceAccountPage", true);
        browser.open(base + "/service_accounts");                 // leave the form unsubmitted
        settle(ServiceAccountsPage.HEADING);

        if (account != null && tryClick(UI.link("View").within(UI.row(account)))) {
            settle(ServiceAccountPage.CLIENT_ID);
            check("ServiceAccountPage", true);
            if (tryClick(ServiceAccountPage.RESET_SECRET)) settle(ServiceAccountPage.CONTINUE);
            check("ResetSecretDialog", true);
            tryClick(ServiceAccountPage.CANCEL);                    // opened and cancelled: nothing is reset
        }

        if (!(tryClick(AppHeader.COMPANY_TOOLS) && tryClick(AppHeader.DIRECTORY))) browser.open(base + "/directory");
        settle(DirectoryPage.HEADING);
        check("DirectoryPage", true);
        if (directoryName != null) {
            try {
                new DirectoryPage(browser).edit(directoryName);
            } catch (RuntimeException e) {
                // the Directory page itself is reported above; the edit page below shows what is missing
            }
            settle(ProjectSettings.SECTION);
            check("EditUserPage", true);
        }
        return List.copyOf(checks);
    }

    private void check(String page, boolean screenshot) {
        List<Locator> want = PAGES.get(page);
        List<Item> items = new ArrayList<>();
        boolean shown = page.endsWith("Menu") || page.endsWith("Dialog");      // these exist hidden until opened
        for (Locator l : want) items.add(new Item(page, l.description(), l.xpath(), shown ? browser.visible(l) : browser.present(l)));
        PageCheck c = new PageCheck(page, items);
        checks.add(c);
        onPage.accept(c, screenshot ? browser.screenshot() : null);
    }

    private boolean tryClick(Locator l) {
        if (!browser.visible(l)) return false;
        try {
            browser.click("Inventory", l);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits briefly for a page's first landmark; a missing one is reported by the check, not here. */
    private void settle(Locator l) {
        try {
            browser.until("the page to show", browser.timeout(), d -> !d.findElements(l.by()).isEmpty());
        } catch (org.openqa.selenium.TimeoutException ignored) {
            // reported as missing by check()
        }
    }
}
