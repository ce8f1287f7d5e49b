package io.procoresetup.ui;

import org.openqa.selenium.Keys;

/** The company Directory: users, each with "Edit" (guide, step 5). Its list may load after the page. */
public final class DirectoryPage {
    static final Locator HEADING = UI.heading("Directory");
    static final Locator SEARCH = UI.field("Search");
    static final Locator LIST = UI.table();
    static final PageSpec SPEC = PageSpec.of(DirectoryPage.class).landmarks(HEADING);

    private final Browser browser;

    DirectoryPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    public boolean lists(String directoryName) {
        browser.awaitList(SPEC, LIST);
        return browser.present(UI.row(directoryName));
    }

    /** Guide, step 5: "select edit next to the Service Account you just created". */
    public EditUserPage edit(String directoryName) {
        openEdit(directoryName);
        return new EditUserPage(browser);
    }

    /** An app's user (a DMSA): its Edit page has no levels to set, only the new-projects box. */
    public AppUserPage editAppUser(String directoryName) {
        openEdit(directoryName);
        return new AppUserPage(browser);
    }

    private void openEdit(String directoryName) {
        if (!lists(directoryName) && browser.present(SEARCH)) {
            browser.markPage();
            browser.type(SPEC, SEARCH, directoryName);
            browser.find(SPEC, SEARCH).sendKeys(Keys.ENTER);
            browser.awaitNewPage();
            browser.expect(SPEC);
            browser.awaitList(SPEC, LIST);
        }
        Locator row = UI.row(directoryName);
        browser.awaitShown(SPEC, row);
        browser.click(SPEC, new Locator("the \"Edit\" link", "//*[self::a or self::button][translate(normalize-space(), 'EDIT', 'edit')='edit']").within(row));
    }
}
