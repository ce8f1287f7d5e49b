package io.procoresetup.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every piece of UI wording the harness relies on, each in one place, so a test can rename one to
 * simulate Procore changing its UI. Keys are stable; values are what a person reads.
 */
final class Labels {
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("companyTools", "Company Tools");
        DEFAULTS.put("adminSettings", "Account & Admin Settings");
        DEFAULTS.put("logOut", "Log Out");
        DEFAULTS.put("companySettingsMenu", "Company Settings");
        DEFAULTS.put("serviceAccounts", "Service Accounts");
        DEFAULTS.put("appManagement", "App Management");
        DEFAULTS.put("new", "New");
        DEFAULTS.put("name", "Name");
        DEFAULTS.put("appType", "App Type");
        DEFAULTS.put("description", "Description");
        DEFAULTS.put("create", "Create");
        DEFAULTS.put("clientId", "Client ID");
        DEFAULTS.put("clientSecret", "Client Secret");
        DEFAULTS.put("companyId", "Company ID");
        DEFAULTS.put("resetSecret", "Reset Secret");
        DEFAULTS.put("continue", "Continue");
        DEFAULTS.put("directory", "Directory");
        DEFAULTS.put("edit", "Edit");
        DEFAULTS.put("view", "View");
        DEFAULTS.put("delete", "Delete");
        DEFAULTS.put("permissions", "Permissions");
        DEFAULTS.put("none", "None");
        DEFAULTS.put("readOnly", "Read Only");
        DEFAULTS.put("standard", "Standard");
        DEFAULTS.put("admin", "Admin");
        DEFAULTS.put("projectSettings", "Project Settings");
        DEFAULTS.put("defaultTemplate", "Default Permission Template");
        DEFAULTS.put("addToAllNew", "Add {user} to all new projects in {company}");
        DEFAULTS.put("save", "Save");
        DEFAULTS.put("currentProjects", "Current Project Settings");
        DEFAULTS.put("notBelongTo", "Projects {user} Does Not Belong To");
        DEFAULTS.put("add", "Add");
        DEFAULTS.put("addAll", "Add All");
        DEFAULTS.put("cancel", "Cancel");
        DEFAULTS.put("complete", "Complete");
        DEFAULTS.put("ok", "OK");
        DEFAULTS.put("logIn", "Log In");
        DEFAULTS.put("email", "Email");
        DEFAULTS.put("password", "Password");
        DEFAULTS.put("installedApps", "Installed Apps");
        DEFAULTS.put("uninstalledApps", "Uninstalled Apps");
        DEFAULTS.put("installApp", "Install App");
        DEFAULTS.put("installCustomApp", "Install Custom App");
        DEFAULTS.put("installFromMarketplace", "Install from Marketplace");
        DEFAULTS.put("appVersionId", "App Version ID");
        DEFAULTS.put("install", "Install");
        DEFAULTS.put("appConfiguration", "App Configuration");
        DEFAULTS.put("skip", "Skip");
        DEFAULTS.put("configure", "Configure");
        DEFAULTS.put("reinstall", "Reinstall");
        DEFAULTS.put("uninstall", "Uninstall");
        DEFAULTS.put("details", "Details");
        DEFAULTS.put("permittedProjects", "Permitted Projects");
        DEFAULTS.put("projects", "Projects");
        DEFAULTS.put("selectAll", "Select All");
    }

    private final Map<String, String> overrides = new ConcurrentHashMap<>();

    String get(String key) {
        String v = overrides.get(key);
        return v != null ? v : DEFAULTS.getOrDefault(key, key);
    }

    /** Renames a label; returns false for an unknown key. */
    boolean rename(String key, String text) {
        if (!DEFAULTS.containsKey(key)) return false;
        overrides.put(key, text);
        return true;
    }

    void reset() { overrides.clear(); }
}
