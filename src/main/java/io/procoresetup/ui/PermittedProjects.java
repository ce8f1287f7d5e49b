package io.procoresetup.ui;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app's Permissions tab: "Permitted Projects (N)", a "Projects" selector with Select All, and Add.
 * Select All has no 2,000-project limit (Add All on a user's page has).
 */
public final class PermittedProjects {
    static final Locator SECTION = UI.sectionContaining("Permitted Projects");
    static final Locator HEADING = UI.headingContaining("Permitted Projects");
    static final Locator PROJECTS = UI.button("Projects").within(SECTION);
    static final Locator ADD = UI.button("Add").within(SECTION);
    static final Locator PICKER = new Locator("the \"Projects\" selector", "//*[@role='group'][@aria-label='Projects']");
    static final Locator SELECT_ALL = UI.checkbox("Select All", "Select All");
    static final Locator CHOICES = new Locator("a project to choose", PICKER.xpath() + "//input[@type='checkbox'][not(ancestor::label["
            + "normalize-space()='Select All'])]");
    static final Locator EVERY_PROJECT_PERMITTED = UI.textContaining("Every active project is permitted");
    static final Locator LIST = UI.tableNamed("Permitted Projects");
    static final PageSpec SPEC = PageSpec.of(PermittedProjects.class).landmarks(HEADING).uses(PROJECTS, ADD);
    private static final Pattern COUNT = Pattern.compile("\\(([\\d,]+)\\)");

    private final Browser browser;

    PermittedProjects(Browser browser, String app) {
        this.browser = browser;
        browser.expect(SPEC);
        browser.awaitList(SPEC, LIST);
    }

    /** The number in "Permitted Projects (N)". */
    public int count() {
        Matcher m = COUNT.matcher(browser.text(SPEC, HEADING));
        if (!m.find()) throw new UiChanged(SPEC, HEADING, browser.observed());
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    /** Opens the selector and counts the active projects not yet permitted; closes it again. Changes nothing. */
    public int notPermitted() {
        int n = openPicker();
        closePicker();
        return n;
    }

    private int openPicker() {
        browser.click(SPEC, PROJECTS);
        // the selector lists the projects once they arrive: either choices with Select All, or "every project is permitted"
        return browser.until("the Projects selector to list the projects", browser.timeout(), d ->
                browser.visible(EVERY_PROJECT_PERMITTED) ? Integer.valueOf(0)
                        : browser.visible(SELECT_ALL) && !browser.all(CHOICES).isEmpty() ? Integer.valueOf(browser.all(CHOICES).size()) : null);
    }

    private void closePicker() {
        browser.click(SPEC, PROJECTS);
        browser.until("the Projects selector to close", browser.timeout(), d -> !browser.visible(SELECT_ALL) && !browser.visible(EVERY_PROJECT_PERMITTED));
    }

    /** Select All, then Add: every active project becomes a permitted project. Returns how many were added. */
    public int addAll() {
        int before = count();
        int todo = openPicker();
        if (todo == 0) {
            closePicker();
            return 0;
        }
        if (!browser.checked(SPEC, SELECT_ALL)) browser.click(SPEC, SELECT_ALL);
        browser.click(SPEC, ADD);
        int after = browser.until("the permitted projects to include the " + todo + " added", browser.timeout().multipliedBy(3), d -> {
            if (browser.present(UI.alert()) && browser.visible(UI.alert())) {
                String said = browser.textIfPresent(UI.alert()).orElse("");
                if (said.toLowerCase(java.util.Locale.ROOT).contains("wrong")) {
                    throw new HarnessFailure(Category.NETWORK, "Add failed on the app's Permissions tab: Procore says \"" + said
                            + "\"; run setup again to add the rest");
                }
            }
            if (!browser.present(HEADING)) return null;
            try {
                int n = count();
                return n >= before + todo ? Integer.valueOf(n) : null;
            } catch (RuntimeException stale) {
                return null;                                // the page is being replaced
            }
        });
        browser.expect(SPEC);
        return after - before;
    }
}
