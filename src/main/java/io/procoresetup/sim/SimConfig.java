package io.procoresetup.sim;

/** Tunables of the simulator; tests change them through the control API. */
public final class SimConfig {
    /** Access-token lifetime; Procore's is 5400 s. */
    public volatile long tokenTtlSeconds = 5400;
    /** Web session lifetime. */
    public volatile long sessionTtlSeconds = 8 * 3600;
    /** Hourly request allowance per application (REFERENCE.md: doc examples 600 and 3,600). */
    public volatile int hourlyLimit = 3600;
    /** Spike window allowance (REFERENCE.md: 25 requests per 10 seconds). */
    public volatile int spikeLimit = 25;
    public volatile int spikeWindowSeconds = 10;
    /** How long the Add All job takes per project; 40 ms makes 50 projects take 2 s, as on Procore. */
    public volatile long addAllMillisPerProject = 40;
    /** State of traditional service accounts: AVAILABLE, CREATION_DISABLED or SUNSET. */
    public volatile String accountsState = "AVAILABLE";
    /** The web UI served: "classic" (the guide's pages) or "current" (built like Procore's current web app). */
    public volatile String ui = "classic";
    /** Whether the /__control API is served (tests only). */
    public volatile boolean controlEnabled;
    /** What the control API asks for in X-Control-Token (set once at start, never served). */
    public volatile String controlToken;

    static String ui(String name) {
        String n = name == null ? "classic" : name.strip().toLowerCase(java.util.Locale.ROOT);
        if (!UiSupport.UIS.contains(n)) throw new IllegalArgumentException("unknown UI '" + name + "': classic or current");
        return n;
    }

    Model.AccountsState accounts() { return Model.AccountsState.valueOf(accountsState); }
}
