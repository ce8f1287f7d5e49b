package io.procoresetup.ui;

import org.openqa.selenium.WebElement;

import java.util.Optional;

/** One service account: Client ID always, Client Secret only right after Create or Reset Secret (guide, step 4). */
public final class ServiceAccountPage {
    static final Locator CLIENT_ID = UI.valueOf("Client ID");
    static final Locator CLIENT_SECRET = UI.valueOf("Client Secret");
    static final Locator COMPANY_ID = UI.valueOf("Company ID");
    static final Locator RESET_SECRET = UI.button("Reset Secret");
    static final Locator CONTINUE = UI.button("Continue").within(UI.dialog());
    static final Locator CANCEL = UI.button("Cancel").within(UI.dialog());

    private final Browser browser;

    ServiceAccountPage(Browser browser) {
        this.browser = browser;
        browser.expect(this, CLIENT_ID, CLIENT_SECRET);
    }

    public String clientId() { return browser.text("ServiceAccountPage", CLIENT_ID); }

    /** The secret as shown, when it is shown: a single token of 16 or more characters. */
    public Optional<String> shownSecret() {
        String s = browser.text("ServiceAccountPage", CLIENT_SECRET);
        return s.matches("\\S{16,}") ? Optional.of(s) : Optional.empty();
    }

    /** The Company ID where the page shows it; real Procore often shows it only in the URL. */
    public Optional<Long> companyIdShown() {
        return browser.textIfPresent(COMPANY_ID).filter(s -> s.matches("\\d+")).map(Long::parseLong);
    }

    public Long companyIdFromUrl() { return LoginPage.companyIdIn(browser.url()); }

    /** The element that shows the secret, so evidence can mask it before a screenshot. */
    public WebElement secretElement() { return browser.find("ServiceAccountPage", CLIENT_SECRET); }

    public AppHeader header() { return new AppHeader(browser); }

    /** View > Reset Secret > Continue: a new secret, shown once; Procore wipes the account's permissions and projects. */
    public ServiceAccountPage resetSecret() {
        browser.click("ServiceAccountPage", RESET_SECRET);
        browser.markPage();
        browser.click("ServiceAccountPage", CONTINUE);
        browser.awaitNewPage();
        return new ServiceAccountPage(browser);
    }
}
