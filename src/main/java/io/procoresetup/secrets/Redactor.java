package io.procoresetup.secrets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Knows every secret of the run and scrubs them from any text: attachments, log lines, messages, page sources. */
public final class Redactor {
    public static final String MASK = "[REDACTED]";
    private static final Redactor GLOBAL = new Redactor();

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    public static Redactor global() { return GLOBAL; }

    public void register(String secret) {
        if (secret != null && secret.length() >= 6) secrets.add(secret);
    }

    /** Every secret registered so far (for the screenshot guard, which masks them in the page). */
    public Set<String> known() { return Set.copyOf(secrets); }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) return text;
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) out = out.replace(s, MASK);
        }
        return out;
    }
}
