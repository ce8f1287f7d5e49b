package io.procoresetup.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

/**
 * An app's page in App Management (View): Details (its App Version ID, Directory user and the tool
 * permissions its manifest sets) and Permissions (its permitted projects).
 */
public final class AppPage {
    static final Locator DETAILS = UI.tab("Details");
    static final Locator PERMISSIONS = UI.tab("Permissions");
    static final Locator VERSION_ID = UI.valueOf("App Version ID");
    static final Locator DIRECTORY_USER = UI.valueOf("Directory User");
    static final Locator STATUS = UI.valueOf("Status");
    static final Locator TOOL_PERMISSIONS = UI.tableNamed("Tool Permissions");
    static final PageSpec SPEC = PageSpec.of(AppPage.class).landmarks(DETAILS).uses(PERMISSIONS, VERSION_ID, DIRECTORY_USER, TOOL_PERMISSIONS);

    private final Browser browser;
    private final String name;

    AppPage(Browser browser, String name) {
        this.browser = browser;
        this.name = name;
        browser.expect(SPEC);
    }

    public String name() { return name; }

    private void details() {
        Locator chosen = new Locator("the Details tab, chosen", DETAILS.xpath() + "[@aria-selected='true']");
        if (!browser.present(chosen)) {
            browser.click(SPEC, DETAILS);
            browser.until("the Details tab to show", browser.timeout(), d -> browser.present(chosen) && browser.visible(VERSION_ID));
        }
    }

    public String versionId() {
        details();
        return browser.text(SPEC, VERSION_ID);
    }

    /** The app's user in the company Directory (the app's name plus a random string). */
    public String directoryUser() {
        details();
        return browser.text(SPEC, DIRECTORY_USER);
    }

    public boolean installed() {
        details();
        return "Installed".equalsIgnoreCase(browser.text(SPEC, STATUS));
    }

    /** The tool permissions the manifest sets, as "Tool: Level". */
    public List<String> toolPermissions() {
        details();
        List<String> out = new ArrayList<>();
        for (WebElement row : browser.all(UI.rows().within(TOOL_PERMISSIONS))) {
            List<WebElement> cells = row.findElements(By.xpath("./*"));
            if (cells.size() >= 2) out.add(cells.get(0).getText().strip() + ": " + cells.get(1).getText().strip());
        }
        return out;
    }

    /** The Permissions tab: the projects the app may use. */
    public PermittedProjects permittedProjects() {
        if (!browser.present(PERMISSIONS)) throw new UiChanged(SPEC, PERMISSIONS, browser.observed());
        Locator chosen = new Locator("the Permissions tab, chosen", PERMISSIONS.xpath() + "[@aria-selected='true']");
        if (!browser.present(chosen)) {
            browser.click(SPEC, PERMISSIONS);
            browser.until("the Permissions tab to show", browser.timeout(), d -> browser.present(chosen));
        }
        return new PermittedProjects(browser, name);
    }

    public AppHeader header() { return new AppHeader(browser); }
}
