package io.procoresetup.ui;

/** Service Accounts: the list, with "New" ("+ New") in the top right (guide, steps 2 and 3). */
public final class ServiceAccountsPage {
    static final Locator HEADING = UI.heading("Service Accounts");
    static final Locator NEW = UI.button("New");
    static final Locator LIST = UI.table();
    static final PageSpec SPEC = PageSpec.of(ServiceAccountsPage.class).landmarks(HEADING, NEW);

    /** What to do when Procore no longer lets the company create traditional service accounts (its 2025 sunset). */
    public static final String SUNSET = "this company can no longer create traditional service accounts (Procore's 2025 sunset); "
            + "nothing was changed. Use a Developer Managed Service Account instead: App Management > Install App";

    private final Browser browser;

    ServiceAccountsPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /** Whether the list shows the account, once the list has loaded (it may arrive after the page). */
    public boolean hasAccount(String name) {
        browser.awaitList(SPEC, LIST);
        return browser.present(UI.row(name));
    }

    /** Guide, step 3: "click the New button in the top right corner". Procore may refuse (2025 sunset). */
    public NewServiceAccountPage openNew() {
        browser.click(SPEC, NEW);
        if (browser.awaitOne(NewServiceAccountPage.SPEC, false, NewServiceAccountPage.NAME, UI.alert()) != 0) {
            // the harness's own pointer, not the page's words (those are in the step's screenshot)
            throw new ProcoreRefused(SUNSET);
        }
        return new NewServiceAccountPage(browser);
    }

    /** Deletes an account (the regression suite's throwaway); lands back on the list. */
    public ServiceAccountsPage delete(String name) {
        browser.awaitList(SPEC, LIST);
        browser.markPage();
        browser.click(SPEC, UI.button("Delete").within(UI.row(name)));
        browser.awaitNewPage();
        return new ServiceAccountsPage(browser);
    }

    /** The account's own page (View), where the Client ID is shown and Reset Secret lives. */
    public ServiceAccountPage view(String name) {
        browser.awaitList(SPEC, LIST);
        browser.click(SPEC, UI.link("View").within(UI.row(name)));
        return new ServiceAccountPage(browser);
    }
}
