package io.procoresetup.setup;

import io.procoresetup.consent.ConsentRecord;

import java.util.List;
import java.util.function.Function;

/**
 * Consent for one run: asked once, just before the first change, telling the person what the route will
 * change (a route that knows that only after looking, such as which app an App Version ID installs, asks
 * then). A run that changes nothing never asks.
 */
public final class ConsentOnce {
    private final Function<List<String>, ConsentRecord> ask;
    private ConsentRecord given;

    private ConsentOnce(Function<List<String>, ConsentRecord> ask, ConsentRecord given) {
        this.ask = ask;
        this.given = given;
    }

    /** Consent asked when first needed. */
    public static ConsentOnce whenNeeded(Function<List<String>, ConsentRecord> ask) { return new ConsentOnce(ask, null); }

    /** Consent already given for this run. */
    public static ConsentOnce given(ConsentRecord record) { return new ConsentOnce(null, record); }

    /** Obtains consent for {@code changes} unless it was given already (a refusal throws, and nothing was changed). */
    public ConsentRecord before(List<String> changes) {
        if (given == null) given = ask.apply(changes);
        return given;
    }

    /** The consent given, if it was. */
    public ConsentRecord record() { return given; }
}
