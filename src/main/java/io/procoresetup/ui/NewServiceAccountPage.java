package io.procoresetup.ui;

/** The New Service Account form: App Type, Name, Description, Create (guide, step 3). */
public final class NewServiceAccountPage {
    static final Locator NAME = UI.field("Name");
    static final Locator CREATE = UI.button("Create");

    private final Browser browser;

    NewServiceAccountPage(Browser browser) {
        this.browser = browser;
        browser.expect(this, NAME, CREATE);
    }

    /** Names the account and creates it; lands on the page that shows its credentials once. */
    public ServiceAccountPage create(String name) {
        browser.type("NewServiceAccountPage", NAME, name);
        browser.click("NewServiceAccountPage", CREATE);
        browser.until("the new account's credentials or Procore's message", browser.timeout(),
                d -> !d.findElements(ServiceAccountPage.CLIENT_ID.by()).isEmpty() || !d.findElements(UI.alert().by()).isEmpty());
        if (!browser.present(ServiceAccountPage.CLIENT_ID)) {
            throw new ProcoreRefused("Procore did not create the account: " + browser.textIfPresent(UI.alert()).orElse("").replace('\n', ' '));
        }
        return new ServiceAccountPage(browser);
    }
}
