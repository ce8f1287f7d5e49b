package io.procoresetup.setup;

import io.procoresetup.ui.HomePage;

import java.util.ArrayList;
import java.util.List;

/**
 * Today's route: install the integration's app, which creates a Developer Managed Service Account (DMSA).
 * Nothing secret is shown; the vendor's app already holds its own credentials, and gets the Company ID.
 */
public final class Dmsa {
    static final String ARTICLES = "https://support.procore.com/products/online/user-guide/company-level/";

    /** The route's name, as the report shows it. */
    public static final String NAME = "App install: Developer Managed Service Account (four steps)";

    private Dmsa() {}

    /** The four steps for the app with this App Version ID. */
    public static Route<HomePage, AddAppUserToNewProjects.AppUser> route(String versionId) {
        return Route.of(NAME, new OpenAppManagement())
                .then(new InstallApp(versionId))
                .then(new PermitProjects())
                .then(new AddAppUserToNewProjects());
    }

    /** What the route changes, told to the person before consent: the app, and what it will be allowed to do. */
    static List<String> changes(String appName, String versionId, List<String> permissions) {
        List<String> out = new ArrayList<>();
        out.add("install the app " + appName + (versionId == null ? "" : " (App Version ID " + versionId + ")")
                + " or reuse it; its Directory user gets what its manifest asks for: " + String.join(", ", permissions));
        out.add("permit " + appName + " every active project (Projects > Select All > Add)");
        out.add("tick \"Add <" + appName + "'s user> to all new projects\" on its Directory user");
        return out;
    }
}
