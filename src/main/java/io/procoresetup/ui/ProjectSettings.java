package io.procoresetup.ui;

/** "Project Settings" ("New Project Settings") below the levels: the box that adds the user to all new projects. */
public final class ProjectSettings {
    static final Locator SECTION = UI.section("Project Settings", "New Project Settings");
    static final Locator ADD_TO_NEW = UI.checkbox("Add ", "to all new projects");
    static final PageSpec SPEC = PageSpec.of(ProjectSettings.class).landmarks(SECTION).uses(ADD_TO_NEW);

    private final Browser browser;

    ProjectSettings(Browser browser) { this.browser = browser; }

    public boolean addsToNewProjects() { return browser.checked(SPEC, ADD_TO_NEW); }

    public void addToAllNewProjects(boolean on) {
        if (browser.checked(SPEC, ADD_TO_NEW) != on) browser.click(SPEC, ADD_TO_NEW);
    }
}
