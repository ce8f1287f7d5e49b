package io.procoresetup.setup;

import io.procoresetup.ui.HomePage;

/** Procore's guide for a traditional service account: its six steps, in order, as one route. */
public final class Guide {
    static final String ARTICLES = "https://support.procore.com/products/online/user-guide/company-level/";
    static final String SERVICE_ACCOUNT_ARTICLE = ARTICLES + "admin/tutorials/service-account";

    /** The route's name, as the report shows it. */
    public static final String NAME = "Procore's guide: traditional service account (six steps)";

    public static final Route<HomePage, AddAllProjects.Projects> ROUTE = Route.of(NAME, new NavigateToSettings())
            .then(new OpenServiceAccounts())
            .then(new CreateServiceAccount())
            .then(new SaveCredentials())
            .then(new ChangePermissions())
            .then(new AddAllProjects());

    private Guide() {}
}
