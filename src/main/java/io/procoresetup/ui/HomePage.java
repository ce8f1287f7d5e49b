package io.procoresetup.ui;

/** Any company page after sign-in: the header is what the steps need. */
public final class HomePage {
    static final PageSpec SPEC = PageSpec.of(HomePage.class).with(AppHeader.SPEC);

    private final Browser browser;

    public HomePage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    public AppHeader header() { return new AppHeader(browser); }

    /** The company ID, as real Procore shows it: the number in the URL. */
    public Long companyId() { return LoginPage.companyIdIn(browser.url()); }
}
