package io.procoresetup.sim.view;

import java.util.function.UnaryOperator;

/** The wording a page shows, looked up by stable key (the simulator's Labels), for the templates. */
public final class Words {
    private final UnaryOperator<String> lookup;

    public Words(UnaryOperator<String> lookup) { this.lookup = lookup; }

    public String get(String key) { return lookup.apply(key); }

    /** A label with {user} and {company} filled in. */
    public String fill(String key, String user, String company) {
        return get(key).replace("{user}", user).replace("{company}", company);
    }
}
