package io.procoresetup.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Admin > Company Settings > App Management: the Installed Apps and Uninstalled Apps tabs, each a list of
 * apps with View (and Reinstall for an uninstalled one), and "Install App" > "Install Custom App".
 */
public final class AppManagementPage {
    static final Locator HEADING = UI.heading("App Management");
    static final Locator INSTALL_APP = UI.button("Install App");
    static final Locator INSTALLED = UI.tab("Installed Apps");
    static final Locator UNINSTALLED = UI.tab("Uninstalled Apps");
    static final Locator INSTALL_CUSTOM_APP = UI.menuItem("Install Custom App");
    static final PageSpec SPEC = PageSpec.of(AppManagementPage.class).landmarks(HEADING, INSTALL_APP).uses(INSTALLED, UNINSTALLED);
    /** The menu under "Install App". */
    static final PageSpec INSTALL_MENU = PageSpec.overlay("InstallAppMenu").uses(INSTALL_CUSTOM_APP);

    /** The two lists App Management keeps. */
    public enum Tab {
        INSTALLED("Installed Apps"), UNINSTALLED("Uninstalled Apps");

        final String label;

        Tab(String label) { this.label = label; }
    }

    private final Browser browser;

    AppManagementPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /** Shows a tab and waits for its list to arrive (it may be fetched after the tab is chosen). */
    private Locator show(Tab tab) {
        Locator it = UI.tab(tab.label);
        Locator chosen = new Locator(it.description() + ", chosen", it.xpath() + "[@aria-selected='true']");
        if (!browser.present(chosen)) {
            browser.click(SPEC, it);
            browser.until("the " + tab.label + " tab to show", browser.timeout(), d -> browser.present(chosen));
            browser.expect(SPEC);
        }
        Locator list = UI.tableNamed(tab.label);
        browser.awaitList(SPEC, list);
        return list;
    }

    /** The names of the apps a tab lists. */
    public List<String> apps(Tab tab) {
        Locator list = show(tab);
        List<String> names = new ArrayList<>();
        for (WebElement row : browser.all(UI.rows().within(list))) {
            List<WebElement> cells = row.findElements(By.xpath("./*"));
            if (!cells.isEmpty() && !cells.get(0).getText().isBlank()) names.add(cells.get(0).getText().strip());
        }
        return names;
    }

    /** An app's own page: View in its row. */
    public AppPage view(Tab tab, String name) {
        show(tab);
        browser.click(SPEC, UI.link("View").within(UI.row(name)));
        return new AppPage(browser, name);
    }

    /** Reinstall in an uninstalled app's row; the app's page comes back, its permitted projects reset. */
    public AppPage reinstall(String name) {
        show(Tab.UNINSTALLED);
        browser.markPage();
        browser.click(SPEC, UI.button("Reinstall").within(UI.row(name)));
        browser.awaitNewPage();
        if (browser.present(HEADING)) return new AppManagementPage(browser).view(Tab.INSTALLED, name);
        return new AppPage(browser, name);
    }

    /** "Install App" > "Install Custom App": the dialog that asks for the App Version ID. */
    public InstallAppDialog installCustomApp() {
        browser.click(SPEC, INSTALL_APP);
        browser.until("the Install App menu to open", browser.timeout(), d -> browser.visible(UI.anyMenuItem()));
        if (!browser.visible(INSTALL_CUSTOM_APP)) throw new UiChanged(INSTALL_MENU, INSTALL_CUSTOM_APP, browser.observed());
        browser.click(INSTALL_MENU, INSTALL_CUSTOM_APP);
        return new InstallAppDialog(browser);
    }
}
