package io.procoresetup.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Procore's sign-in page. */
public final class LoginPage {
    static final Locator EMAIL = UI.field("Email");
    static final Locator PASSWORD = new Locator("the \"Password\" field", "//input[@type='password']");
    static final Locator LOG_IN = new Locator("the \"Log In\" button", "//*[self::button or self::input[@type='submit']]"
            + "[normalize-space()='Log In' or normalize-space()='Sign In' or @value='Log In' or @value='Sign In']");
    static final PageSpec SPEC = PageSpec.of(LoginPage.class).landmarks(EMAIL);
    /** Company URLs: /<company id>/company/... and /companies/<company id>/... */
    private static final Pattern COMPANY_URL = Pattern.compile("/(\\d+)/company/|/companies/(\\d+)(?:/|$)");

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /** Signs in; lands on the company home page, or stays here with Procore's message. */
    public HomePage logIn(String email, String password) {
        browser.type(SPEC, EMAIL, email);
        if (!browser.present(PASSWORD)) browser.click(SPEC, UI.button("Continue"));
        browser.type(SPEC, PASSWORD, password);
        browser.click(SPEC, LOG_IN);
        String[] at = {""};
        // an alert counts when it shows: pages keep empty alert regions for messages to come
        browser.until("sign-in to finish", browser.timeout(), d -> COMPANY_URL.matcher(at[0] = browser.url()).find()
                || browser.visible(UI.alert()));
        if (!COMPANY_URL.matcher(at[0]).find()) {
            throw new io.procoresetup.config.BadInput("sign-in as " + email + " failed: "
                    + browser.textIfPresent(UI.alert()).orElse("no company page after sign-in"));
        }
        return new HomePage(browser);
    }

    /** Hand-off: the person signs in (SSO, MFA); we wait until a company page shows. */
    public static HomePage awaitPerson(Browser browser, java.time.Duration max) {
        browser.until("you to sign in and reach your company", max, d -> COMPANY_URL.matcher(d.getCurrentUrl()).find()
                && !d.findElements(AppHeader.HEADER.by()).isEmpty());
        return new HomePage(browser);
    }

    /** The company ID in a Procore URL: /<company id>/company/... or /companies/<company id>/... */
    public static Long companyIdIn(String url) {
        Matcher m = COMPANY_URL.matcher(url);
        return m.find() ? Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    /** The scheme, host and port of a URL. */
    static String origin(String url) {
        java.net.URI u = java.net.URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
