package io.procoresetup.ui;

/**
 * Directory > an app's user > Edit. Its permissions come from the app's manifest (shown, not to be
 * changed); what the DMSA route sets here is "Add <user> to all new projects in <company>", then Save.
 */
public final class AppUserPage {
    static final Locator SAVE = UI.button("Save");
    static final PageSpec SPEC = PageSpec.of(AppUserPage.class).with(ProjectSettings.SPEC).landmarks(SAVE);

    private final Browser browser;

    AppUserPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    public ProjectSettings projectSettings() { return new ProjectSettings(browser); }

    /** Save; the page comes back with what was saved. */
    public AppUserPage save() {
        browser.markPage();
        browser.click(SPEC, SAVE);
        browser.awaitNewPage();
        return new AppUserPage(browser);
    }

    public AppHeader header() { return new AppHeader(browser); }
}
