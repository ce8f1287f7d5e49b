package io.procoresetup.consent;

import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Target;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Nothing that changes a Procore company runs without consent for that company on that target:
 * interactively by typing the company ID, or with --consent naming the same ID. Production also needs
 * --allow-production. The simulator needs none. Refusal changes nothing.
 */
public final class ConsentGate {
    /** What will change, told to the person before they consent. */
    public static final List<String> CHANGES = List.of(
            "create the service account (or reuse one with the same name)",
            "save its Client ID and Client Secret to the credentials file",
            "give it Standard on every company tool and tick \"add to all new projects\"",
            "add it to every existing active project (Add All)",
            "if the account exists but its secret was never saved: Reset Secret (wipes its permissions and projects, restored above)");

    private ConsentGate() {}

    /** Checks what can be checked before any browser opens: the flags alone. */
    public static void precheck(RunConfig c) {
        if (!c.needsConsent()) return;
        if (c.productionHost() && !c.allowProduction()) {
            throw new HarnessFailure(Category.CONSENT_REFUSED, "production needs --allow-production as well as consent"
                    + (c.target() == Target.PRODUCTION ? "" : " (" + host(c.appUrl()) + " is Procore's production)"));
        }
        if (c.consent() != null && c.companyId() != null && !c.consent().equals(c.companyId())) {
            throw new HarnessFailure(Category.CONSENT_REFUSED, "--consent " + c.consent() + " does not match --company "
                    + c.companyId() + ": consent must name the company that will change");
        }
        if (c.consent() == null && !c.interactive()) {
            throw new HarnessFailure(Category.CONSENT_REFUSED, "no consent: pass --consent " + (c.companyId() == null ? "<company id>" : c.companyId())
                    + " to change company " + (c.companyId() == null ? "" : c.companyId() + " ") + "on " + c.target().id
                    + ", or run interactively to be asked");
        }
    }

    /** Asks or checks consent for the company the browser reached; returns the record for consent.json. */
    public static ConsentRecord obtain(RunConfig c, long companyId, String companyName, PrintStream out) {
        return obtain(c, companyId, companyName, CHANGES, out);
    }

    /** The same, telling the person {@code changes}: what this run's route will change. */
    public static ConsentRecord obtain(RunConfig c, long companyId, String companyName, List<String> changes, PrintStream out) {
        String host = host(c.appUrl());
        if (!c.needsConsent()) {
            return new ConsentRecord(user(), Instant.now().toString(), c.target().id, host, companyId, companyName,
                    "not required (" + (c.embeddedSimulator() ? "the embedded simulator" : "a simulator on this machine") + ")", changes);
        }
        precheck(c);
        if (c.companyId() != null && c.companyId() != companyId) {
            throw new HarnessFailure(Category.CONSENT_REFUSED, "the browser reached company " + companyId + " but consent is for "
                    + c.companyId() + "; nothing was changed");
        }
        if (c.consent() != null) {
            if (c.consent() != companyId) {
                throw new HarnessFailure(Category.CONSENT_REFUSED, "--consent " + c.consent() + " is not company " + companyId);
            }
            return new ConsentRecord(user(), Instant.now().toString(), c.target().id, host, companyId, companyName, "flag --consent", changes);
        }
        out.println();
        out.println("This run will change company " + companyId + " (" + companyName + ") on " + c.target().id + " at " + host + ":");
        for (String change : changes) out.println("  - " + change);
        String typed = ask(out, "Type the company ID (" + companyId + ") to consent, anything else to stop: ");
        if (typed == null || !typed.strip().equals(String.valueOf(companyId))) {
            throw new HarnessFailure(Category.CONSENT_REFUSED, "consent was not given for company " + companyId + "; nothing was changed");
        }
        return new ConsentRecord(user(), Instant.now().toString(), c.target().id, host, companyId, companyName, "typed company ID", changes);
    }

    /** Asks on the terminal and reads one line; null when there is none (end of input). */
    static String ask(PrintStream out, String prompt) {
        out.print(prompt);
        out.flush();
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    public static String host(String url) {
        try {
            return URI.create(url).getHost() + (URI.create(url).getPort() > 0 ? ":" + URI.create(url).getPort() : "");
        } catch (RuntimeException e) {
            return url;
        }
    }

    private static String user() { return System.getProperty("user.name", "unknown"); }
}
