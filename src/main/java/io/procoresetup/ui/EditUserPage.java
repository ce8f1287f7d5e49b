package io.procoresetup.ui;

/** Directory > Edit: permission levels, Project Settings, Save, and the project lists (guide, steps 5-6). */
public final class EditUserPage {
    static final Locator SAVE = UI.button("Save");
    static final PageSpec SPEC = PageSpec.of(EditUserPage.class).with(PermissionMatrix.SPEC).with(ProjectSettings.SPEC).landmarks(SAVE)
            .with(AddAllPanel.SPEC);

    private final Browser browser;

    EditUserPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    public PermissionMatrix permissions() { return new PermissionMatrix(browser); }

    public ProjectSettings projectSettings() { return new ProjectSettings(browser); }

    public AddAllPanel addAll() { return new AddAllPanel(browser); }

    /** Guide, step 5: "click Save in the bottom right corner"; the page comes back with what was saved. */
    public EditUserPage save() {
        browser.markPage();
        browser.click(SPEC, SAVE);
        browser.awaitNewPage();
        return new EditUserPage(browser);
    }

    public AppHeader header() { return new AppHeader(browser); }
}
