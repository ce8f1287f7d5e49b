package io.procoresetup.sim.view;

import java.util.List;

/**
 * What each simulator page shows, read from the model under its lock and handed to a template. Both
 * template sets (classic and current) render the same records; only their markup differs.
 */
public final class Views {
    private Views() {}

    /** What every page inside a company shows around its content: header, company, user, current tool. */
    public record Shell(String title, long companyId, String companyName, String userName, String initials,
                        boolean admin, String tool, Words w, Css css) {
        /** The guide's company URLs, /<company id>/company/... */
        public String base() { return "/" + companyId + "/company"; }

        /** Procore's newer company URLs, /companies/<company id>/... */
        public String companies() { return "/companies/" + companyId; }
    }

    public record ProjectRow(String number, String name) {}

    public record ProjectTable(List<ProjectRow> rows, int total, int page, int pages) {}

    public record Login(String returnTo, String info, String error, Words w, Css css) {}

    public record Home(Shell s, ProjectTable projects) {}

    /** A company tool page other than the ones the steps use (Documents, Portfolio, Reports). */
    public record Tool(Shell s, String heading, ProjectTable projects) {}

    /** A page that only says something: My Profile Settings, Access Denied, creation disabled. */
    public record Message(Shell s, String heading, String text, boolean error, boolean denied) {}

    public record Admin(Shell s, boolean serviceAccountsUnderApps, boolean appManagementShown) {}

    public record AccountRow(long id, String name, String appType, String description, String created) {}

    public record Accounts(Shell s, List<AccountRow> rows, boolean deleted, boolean confirmBeforeNew, boolean appManagementShown) {}

    public record AccountForm(Shell s, String name, String description, String appType, List<String> errors) {}

    /** One service account; {@code secret} is null unless this is the one time it is shown. */
    public record Account(Shell s, long id, String name, String clientId, String secret, String appType, String description) {}

    public record UserRow(long id, String name, String email) {}

    public record Directory(Shell s, String query, List<UserRow> rows, boolean canEdit) {}

    /** A permission level column: the value posted and the label shown. */
    public record LevelColumn(String value, String label) {}

    /** A company tool and the value of its selected level. */
    public record ToolLevel(String tool, String level) {}

    public record TemplateOption(long id, String name, boolean selected) {}

    public record ProjectLine(long id, String name, String template) {}

    public record EditUser(Shell s, long userId, String userName, String email, List<LevelColumn> levels, List<ToolLevel> tools,
                           List<TemplateOption> templates, boolean addToNew, List<ProjectLine> current, List<ProjectLine> others,
                           boolean addAllOffered, int jobPercent, boolean jobRunning, boolean saved, String managedBy) {
        public String url() { return s.base() + "/directory/users/" + userId; }

        public boolean hasTemplate() { return templates.stream().anyMatch(TemplateOption::selected); }
    }

    public record ErrorPage(String title, String message) {}

    /** A company tool level an app's manifest asks for, as the install confirmation and the app's page list it. */
    public record PermissionLine(String tool, String level) {}

    /** An app on App Management's Installed Apps or Uninstalled Apps tab. */
    public record AppRow(long id, String name, String version, String developer, String date) {}

    /**
     * The Install Custom App dialog at one of its steps: {@code id} (the App Version ID field, with an error or not),
     * {@code confirm} (what the manifest asks for, Install again) or {@code configure} (optional configuration, Skip).
     */
    public record InstallDialog(String step, String versionId, String error, long appId, String appName, String version,
                                String developer, List<PermissionLine> permissions) {}

    /** App Management: one tab's apps (the current UI fetches them), Install App, maybe the install dialog, maybe a banner. */
    public record AppManagement(Shell s, boolean uninstalledTab, List<AppRow> rows, boolean tabsShown, boolean customInstallOffered,
                                boolean appManagementShown, String flash, InstallDialog dialog) {
        public String url() { return s.base() + "/app_management"; }
    }

    /** An app's page from App Management > View: Details and Permissions (permitted projects, the Projects selector). */
    public record AppView(Shell s, long id, String name, String version, String versionId, String developer, boolean installed,
                          String changedOn, String userName, List<PermissionLine> permissions, boolean permissionsTab,
                          boolean permissionsTabShown, boolean appManagementShown, List<ProjectLine> permitted,
                          List<ProjectLine> available, String flash) {
        public String url() { return s.base() + "/app_management/apps/" + id; }
    }

    /**
     * A page's boot data for the current UI's script, as JSON from key/value pairs (values are strings,
     * or true/false), safe inside a script element.
     */
    public static String boot(Object... kv) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (i > 0) b.append(',');
            b.append(quote(String.valueOf(kv[i]))).append(':');
            Object v = kv[i + 1];
            b.append(v instanceof Boolean || v instanceof Number ? String.valueOf(v) : quote(String.valueOf(v)));
        }
        return b.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == '\u2028' || ch == '\u2029') b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }
}
