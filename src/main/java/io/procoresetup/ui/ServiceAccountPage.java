package io.procoresetup.ui;

import io.procoresetup.secrets.Secret;

import java.util.Optional;

/** One service account: Client ID always, Client Secret only right after Create or Reset Secret (guide, step 4). */
public final class ServiceAccountPage {
    static final Locator CLIENT_ID = UI.valueOf("Client ID");
    static final Locator CLIENT_SECRET = UI.valueOf("Client Secret");
    static final Locator COMPANY_ID = UI.valueOf("Company ID");
    static final Locator RESET_SECRET = UI.button("Reset Secret");
    static final Locator CONTINUE = UI.button("Continue").within(UI.dialog());
    static final Locator CANCEL = UI.button("Cancel").within(UI.dialog());
    static final PageSpec SPEC = PageSpec.of(ServiceAccountPage.class).landmarks(CLIENT_ID, CLIENT_SECRET).uses(RESET_SECRET);
    /** Reset Secret's confirmation window: opened and cancelled by the inventory, so nothing is reset. */
    static final PageSpec RESET_SECRET_DIALOG = PageSpec.overlay("ResetSecretDialog").uses(CONTINUE, CANCEL);

    private final Browser browser;
    private final Optional<Secret> secret;

    ServiceAccountPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
        // Read the moment the page shows: the redactor and the screenshot guard know it before anything else runs.
        this.secret = shownSecret(browser.text(SPEC, CLIENT_SECRET)).map(Secret::of);
    }

    public String clientId() { return browser.text(SPEC, CLIENT_ID); }

    /** The secret this page showed when it loaded (right after Create or Reset Secret), read once. */
    public Optional<Secret> secret() { return secret; }

    /** A single token of 16 or more characters is a secret; a mask (bullets) or a hint is not. */
    static Optional<String> shownSecret(String s) {
        return s.matches("[\\x21-\\x7e]{16,}") ? Optional.of(s) : Optional.empty();
    }

    /** The Company ID where the page shows it; real Procore often shows it only in the URL. */
    public Optional<Long> companyIdShown() {
        return browser.textIfPresent(COMPANY_ID).filter(s -> s.matches("\\d+")).map(Long::parseLong);
    }

    public Long companyIdFromUrl() { return LoginPage.companyIdIn(browser.url()); }

    public AppHeader header() { return new AppHeader(browser); }

    /** View > Reset Secret > Continue: a new secret, shown once; Procore wipes the account's permissions and projects. */
    public ServiceAccountPage resetSecret() {
        browser.click(SPEC, RESET_SECRET);
        browser.markPage();
        browser.click(SPEC, CONTINUE);
        browser.awaitNewPage();
        return new ServiceAccountPage(browser);
    }
}
