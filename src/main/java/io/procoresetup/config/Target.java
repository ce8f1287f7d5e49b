package io.procoresetup.config;

import java.util.Arrays;
import java.util.Locale;

/** Where a run points: the embedded simulator or one of Procore's environments (REFERENCE.md section 3). */
public enum Target {
    SIMULATOR("simulator", null, null, null),
    SANDBOX("sandbox", "https://sandbox.procore.com", "https://login-sandbox.procore.com", "https://sandbox.procore.com"),
    // Procore's "Sandbox Environments": the browser's host differs from the API's
    MONTHLY_SANDBOX("monthly-sandbox", "https://api-sandbox-monthly.procore.com", "https://login-sandbox-monthly.procore.com", "https://api-monthly.procore.com"),
    PRODUCTION("production", "https://app.procore.com", "https://login.procore.com", "https://api.procore.com");

    /** Procore's production hosts: a run that reaches one needs --allow-production, whatever its target. */
    public static final java.util.Set<String> PRODUCTION_HOSTS = java.util.Set.of("app.procore.com", "login.procore.com", "api.procore.com");

    public final String id;
    public final String appUrl;
    public final String loginUrl;
    public final String apiUrl;

    Target(String id, String appUrl, String loginUrl, String apiUrl) {
        this.id = id;
        this.appUrl = appUrl;
        this.loginUrl = loginUrl;
        this.apiUrl = apiUrl;
    }

    public static Target parse(String s) {
        String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(k)).findFirst().orElseThrow(() -> new BadInput(
                "unknown target '" + s + "': use one of simulator, sandbox, monthly-sandbox, production"));
    }
}
