package io.procoresetup.ui;

/** The New Service Account form: App Type, Name, Description, Create (guide, step 3). */
public final class NewServiceAccountPage {
    static final Locator NAME = UI.field("Name");
    static final Locator CREATE = UI.button("Create");
    static final PageSpec SPEC = PageSpec.of(NewServiceAccountPage.class).landmarks(NAME, CREATE);

    private final Browser browser;

    NewServiceAccountPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /** Names the account and creates it; lands on the page that shows its credentials once. */
    public ServiceAccountPage create(String name) {
        browser.type(SPEC, NAME, name);
        browser.click(SPEC, CREATE);
        if (browser.awaitOne(ServiceAccountPage.SPEC, false, ServiceAccountPage.CLIENT_ID, UI.alert()) != 0) {
            throw new ProcoreRefused("Procore did not create the account: " + browser.textIfPresent(UI.alert()).orElse("").replace('\n', ' '));
        }
        return new ServiceAccountPage(browser);
    }
}
