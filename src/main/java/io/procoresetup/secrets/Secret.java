package io.procoresetup.secrets;

import java.util.Objects;

/** A value that never prints itself: toString() is masked, and reveal() is called only where it must go. */
public final class Secret {
    private final String value;

    private Secret(String value) { this.value = Objects.requireNonNull(value); }

    /** Wraps a secret value and teaches the run's redactor to scrub it from every text. */
    public static Secret of(String value) {
        Secret s = new Secret(value);
        Redactor.global().register(value);
        return s;
    }

    /** The value itself: for the credentials sink and the token request only. */
    public String reveal() { return value; }

    public boolean isEmpty() { return value.isEmpty(); }

    @Override
    public String toString() { return "Secret[****]"; }

    @Override
    public boolean equals(Object o) { return o instanceof Secret s && s.value.equals(value); }

    @Override
    public int hashCode() { return value.hashCode(); }
}
