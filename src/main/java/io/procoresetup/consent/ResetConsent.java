package io.procoresetup.consent;

import io.procoresetup.config.RunConfig;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.secrets.CredentialsFile;

import java.io.PrintStream;

/**
 * Reset Secret rotates a secret that a live integration may be using (another machine, another user, another
 * --credentials file may hold it) and wipes the account's permissions and projects. It happens only when this
 * machine provably lost the secret it created, or when the person says so: --reset-secret, or typing RESET.
 */
public final class ResetConsent {
    private ResetConsent() {}

    /** Why the reset may go ahead (one phrase for the console); otherwise stops with exit 4, nothing changed. */
    public static String obtain(RunConfig c, CredentialsFile sink, String account, PrintStream out) {
        if (sink.pending()) return "this machine created it and stopped before saving the secret";
        if (c.resetSecret()) return "--reset-secret";
        String consequence = "Reset Secret would issue a new secret for \"" + account + "\": any integration using the current one stops "
                + "working, and Procore wipes the account's permissions and projects (setup restores them)";
        if (c.interactive()) {
            out.println();
            out.println("\"" + account + "\" exists, but its secret is not in " + sink.path() + ".");
            out.println(consequence + ".");
            String typed = ConsentGate.ask(out, "Type RESET to reset the secret, anything else to stop "
                    + "(or rerun with --credentials FILE where it was saved): ");
            if (typed != null && typed.strip().equals("RESET")) return "you typed RESET";
            throw new HarnessFailure(Category.CONSENT_REFUSED, "the secret of \"" + account + "\" was not reset; nothing was changed");
        }
        throw new HarnessFailure(Category.CONSENT_REFUSED, "\"" + account + "\" exists but its secret is not in " + sink.path() + ". "
                + consequence + ". Nothing was changed: pass --credentials FILE where the secret was saved, or --reset-secret to reset it");
    }
}
