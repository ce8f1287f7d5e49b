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
 *
 * <p>It tells three things apart, so the drift table names only what really changed: an element that is
 * missing on a page it reached; a way between pages that no longer leads there (reported once, on the page
 * it starts from, when every element it uses is there); and a page it could not reach at all, even by its
 * own URL, whose elements are then "not reached", not missing.
 */
public final class Inventory {
    public static final String FOUND = "found";
    public static final String MISSING = "missing";
    public static final String NOT_REACHED = "not reached";

    /** One element looked for on one page: found, missing, or not reached (the page could not be opened). */
    public record Item(String page, String element, String xpath, boolean found, String status) {
        static Item of(String page, Locator l, String status) { return new Item(page, l.description(), l.xpath(), FOUND.equals(status), status); }
    }

    /** What one page showed, and how it was reached ("navigation", "URL", or "" when it was not). */
    public record PageCheck(String page, String reachedBy, List<Item> items) {
        public List<Item> missing() { return items.stream().filter(i -> MISSING.equals(i.status())).toList(); }

        public List<Item> notReached() { return items.stream().filter(i -> NOT_REACHED.equals(i.status())).toList(); }
    }

    /** The pages (and menus and dialogs) the walk visits, in order, as their page objects declare them. */
    public static final List<PageSpec> SPECS = List.of(HomePage.SPEC, AppHeader.ACCOUNT_MENU, AppHeader.COMPANY_TOOLS_MENU,
            AdminSettingsPage.SPEC, ServiceAccountsPage.SPEC, NewServiceAccountPage.SPEC, ServiceAccountPage.SPEC,
            ServiceAccountPage.RESET_SECRET_DIALOG, DirectoryPage.SPEC, EditUserPage.SPEC);

    /** What each page must show: the landmarks and uses its spec declares, in the spec's order. */
    public static final Map<String, List<Locator>> PAGES = pages();

    private static Map<String, List<Locator>> pages() {
        Map<String, List<Locator>> out = new LinkedHashMap<>();
        for (PageSpec spec : SPECS) out.put(spec.name(), spec.checks());
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The inventory's own clicks and waits: it reports what they fail to reach as the pages' items, not as this. */
    private static final PageSpec SELF = PageSpec.of(Inventory.class);

    private final Browser browser;
    private final String appUrl;
    private final long companyId;
    private final BiConsumer<PageCheck, Boolean> onPage;
    private final List<PageCheck> checks = new ArrayList<>();
    /** Broken ways between pages, each reported once on the page it starts from. */
    private final Map<String, List<Item>> brokenWays = new LinkedHashMap<>();

    public Inventory(Browser browser, String appUrl, long companyId, BiConsumer<PageCheck, Boolean> onPage) {
        this.browser = browser;
        this.appUrl = appUrl;
        this.companyId = companyId;
        this.onPage = onPage;
    }

    /** Walks the pages from the company's home; {@code account} (may be null) is an existing account to look at. */
    public List<PageCheck> walk(String account, String directoryName) {
        String base = appUrl + "/" + companyId + "/company";
        walkHeader();

        String via = reach(AdminSettingsPage.SPEC, base + "/admin", AppHeader.ACCOUNT_MENU,
                AppHeader.ADMIN_SETTINGS.description(), () -> openMenu(AppHeader.INITIALS) && tryClick(AppHeader.ADMIN_SETTINGS));
        check(AdminSettingsPage.SPEC, via, true);

        via = reach(ServiceAccountsPage.SPEC, base + "/service_accounts", AdminSettingsPage.SPEC,
                AdminSettingsPage.SERVICE_ACCOUNTS.description(), () -> tryClick(AdminSettingsPage.SERVICE_ACCOUNTS));
        check(ServiceAccountsPage.SPEC, via, true);

        via = reach(NewServiceAccountPage.SPEC, base + "/service_accounts/new", ServiceAccountsPage.SPEC,
                ServiceAccountsPage.NEW.description(), () -> tryClick(ServiceAccountsPage.NEW));
        check(NewServiceAccountPage.SPEC, via, true);
        browser.open(base + "/service_accounts");                 // leave the form unsubmitted
        settle(ServiceAccountsPage.HEADING);

        if (account != null) {
            awaitList();
            if (tryClick(UI.link("View").within(UI.row(account)))) settle(ServiceAccountPage.CLIENT_ID);
            check(ServiceAccountPage.SPEC, browser.present(ServiceAccountPage.CLIENT_ID) ? "navigation" : "", true);
            if (tryClick(ServiceAccountPage.RESET_SECRET)) settleShown(ServiceAccountPage.CONTINUE);     // dialogs may animate in
            check(ServiceAccountPage.RESET_SECRET_DIALOG, browser.visible(ServiceAccountPage.CONTINUE) ? "navigation" : "", true);
            tryClick(ServiceAccountPage.CANCEL);                    // opened and cancelled: nothing is reset
        }

        via = reach(DirectoryPage.SPEC, base + "/directory", AppHeader.COMPANY_TOOLS_MENU,
                AppHeader.DIRECTORY.description(), () -> openMenu(AppHeader.COMPANY_TOOLS) && tryClick(AppHeader.DIRECTORY));
        check(DirectoryPage.SPEC, via, true);
        if (directoryName != null) {
            boolean reached;
            try {
                new DirectoryPage(browser).edit(directoryName);
                reached = true;
            } catch (RuntimeException e) {
                reached = false;                                    // the Directory page itself is reported above
            }
            settle(ProjectSettings.SECTION);
            check(EditUserPage.SPEC, reached ? "navigation" : "", true);
        }
        return List.copyOf(checks);
    }

    /**
     * Today's route's pages (the app install), from the company's home: App Management, the Install App menu and
     * the Install Custom App dialog (opened and cancelled), and, when an app is installed, its page, its
     * Permissions tab and its Directory user's Edit page. Changes nothing.
     */
    public List<PageCheck> walkApps() {
        String base = appUrl + "/" + companyId + "/company";
        walkHeader();

        String via = reach(AdminSettingsPage.APPS_SPEC, base + "/admin", AppHeader.ACCOUNT_MENU,
                AppHeader.ADMIN_SETTINGS.description(), () -> openMenu(AppHeader.INITIALS) && tryClick(AppHeader.ADMIN_SETTINGS));
        check(AdminSettingsPage.APPS_SPEC, via, true);
        via = reach(AppManagementPage.SPEC, base + "/app_management", AdminSettingsPage.APPS_SPEC,
                AdminSettingsPage.APP_MANAGEMENT.description(), () -> tryClick(AdminSettingsPage.APP_MANAGEMENT));
        check(AppManagementPage.SPEC, via, true);

        boolean installMenu = openMenu(AppManagementPage.INSTALL_APP);
        check(AppManagementPage.INSTALL_MENU, installMenu ? "navigation" : "", false);
        if (installMenu && tryClick(AppManagementPage.INSTALL_CUSTOM_APP)) settleShown(InstallAppDialog.VERSION_ID);
        check(InstallAppDialog.SPEC, browser.visible(InstallAppDialog.VERSION_ID) ? "navigation" : "", true);
        if (tryClick(InstallAppDialog.CANCEL)) settle(AppManagementPage.HEADING);  // opened and cancelled: nothing is installed
        if (!browser.present(AppManagementPage.HEADING)) {
            browser.open(base + "/app_management");
            settle(AppManagementPage.HEADING);
        }

        awaitList();
        if (browser.present(AppManagementPage.HEADING) && tryClick(UI.link("View"))) {
            settle(AppPage.DETAILS);
            check(AppPage.SPEC, browser.present(AppPage.DETAILS) ? "navigation" : "", true);
            String user = browser.textIfPresent(AppPage.DIRECTORY_USER).orElse(null);
            if (tryClick(AppPage.PERMISSIONS)) settle(PermittedProjects.HEADING);
            check(PermittedProjects.SPEC, browser.present(PermittedProjects.HEADING) ? "navigation" : "", true);
            via = reach(DirectoryPage.SPEC, base + "/directory", AppHeader.COMPANY_TOOLS_MENU,
                    AppHeader.DIRECTORY.description(), () -> openMenu(AppHeader.COMPANY_TOOLS) && tryClick(AppHeader.DIRECTORY));
            check(DirectoryPage.SPEC, via, true);
            if (user != null) {
                boolean reached;
                try {
                    new DirectoryPage(browser).editAppUser(user);
                    reached = true;
                } catch (RuntimeException e) {
                    reached = false;                                // the Directory page itself is reported above
                }
                settle(ProjectSettings.SECTION);
                check(AppUserPage.SPEC, reached ? "navigation" : "", true);
            }
        }
        return List.copyOf(checks);
    }

    /** The home page and the two header menus every route starts from. */
    private void walkHeader() {
        check(HomePage.SPEC, "navigation", true);
        boolean accountMenu = openMenu(AppHeader.INITIALS);
        check(AppHeader.ACCOUNT_MENU, accountMenu ? "navigation" : "", false);
        closeMenu(AppHeader.INITIALS, accountMenu);
        boolean toolsMenu = openMenu(AppHeader.COMPANY_TOOLS);
        check(AppHeader.COMPANY_TOOLS_MENU, toolsMenu ? "navigation" : "", false);
        closeMenu(AppHeader.COMPANY_TOOLS, toolsMenu);
    }

    /**
     * Reaches a page by the way a person goes there; when that fails, by the page's own URL. A way that
     * failed although every element it uses was there is a broken way, reported on the page it starts from.
     * The page counts as reached when its first landmark shows.
     */
    private String reach(PageSpec spec, String url, PageSpec fromSpec, String way, java.util.function.BooleanSupplier navigate) {
        String page = spec.name();
        String from = fromSpec.name();
        Locator landmark = spec.landmarks().get(0);
        boolean clicked = navigate.getAsBoolean();
        if (clicked) {
            settle(landmark);
            if (browser.present(landmark)) return "navigation";
            brokenWays.computeIfAbsent(from, k -> new ArrayList<>()).add(new Item(from, way + " leading to " + page,
                    "(after clicking it, " + page + "'s " + landmark.description() + " did not show)", false, MISSING));
        }
        browser.open(url);
        settle(landmark);
        return "URL";
    }

    private void check(PageSpec spec, String reachedBy, boolean screenshot) {
        String page = spec.name();
        List<Locator> want = spec.checks();
        boolean shown = spec.overlay();                            // menus and dialogs exist hidden until opened
        List<Item> items = new ArrayList<>();
        boolean any = false;
        for (Locator l : want) {
            boolean found = shown ? browser.visible(l) : browser.present(l);
            any |= found;
            items.add(Item.of(page, l, found ? FOUND : MISSING));
        }
        String by = reachedBy;
        if (!any) {                                               // nothing of the page: it was not reached, so nothing on it can be judged
            items.replaceAll(i -> new Item(i.page(), i.element(), i.xpath(), false, NOT_REACHED));
            by = "";
        }
        PageCheck c = new PageCheck(page, by, items);
        checks.add(c);
        onPage.accept(c, screenshot);
        // a broken way out of a page is reported with the page it starts from, once that page has been checked
        flushBrokenWays();
    }

    /** Adds the broken ways found since to the checks of the pages they start from. */
    private void flushBrokenWays() {
        for (Map.Entry<String, List<Item>> e : brokenWays.entrySet()) {
            for (int i = 0; i < checks.size(); i++) {
                PageCheck c = checks.get(i);
                if (c.page().equals(e.getKey())) {
                    List<Item> items = new ArrayList<>(c.items());
                    items.addAll(e.getValue());
                    checks.set(i, new PageCheck(c.page(), c.reachedBy(), List.copyOf(items)));
                }
            }
        }
        brokenWays.clear();
    }

    /** Opens a header menu (it may render in a portal after an animation); true when it shows items. */
    private boolean openMenu(Locator opener) {
        if (!tryClick(opener)) return false;
        try {
            browser.until("the menu to open", browser.timeout(), d -> browser.visible(UI.anyMenuItem()));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private void closeMenu(Locator opener, boolean open) {
        if (!open) return;
        tryClick(opener);
        try {
            browser.until("the menu to close", browser.timeout(), d -> !browser.visible(UI.anyMenuItem()));
        } catch (org.openqa.selenium.TimeoutException ignored) {
            // a menu that stays open changes nothing the checks below look at
        }
    }

    private void awaitList() {
        try {
            browser.awaitList(SELF, UI.table());
        } catch (RuntimeException ignored) {
            // the rows looked for next are reported if missing
        }
    }

    private boolean tryClick(Locator l) {
        if (!browser.visible(l)) return false;
        try {
            browser.click(SELF, l);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits for something that shows after an animation (a dialog); a missing one is reported by the check. */
    private void settleShown(Locator l) {
        try {
            browser.until("the dialog to show", browser.timeout(), d -> browser.visible(l));
        } catch (org.openqa.selenium.TimeoutException ignored) {
            // reported as missing by check()
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
