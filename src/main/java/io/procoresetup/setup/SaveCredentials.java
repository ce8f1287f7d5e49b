package io.procoresetup.setup;

import io.procoresetup.consent.ResetConsent;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.Secret;
import io.procoresetup.ui.ServiceAccountPage;

import java.time.Instant;
import java.util.Optional;

/**
 * Guide step 4: the credentials are shown once. They go to the sink before anything else happens, then
 * the page is screenshotted with the secret masked.
 */
public final class SaveCredentials implements SetupStep {
    @Override public int number() { return 4; }

    @Override public String title() { return "Save Service Account Credentials"; }

    @Override
    public StepState inspect(Run run) {
        if (run.created != null) return StepState.TODO;      // just created: the secret is on screen now
        Optional<Credentials> saved = run.sink.load();
        ServiceAccountPage page = run.accounts.view(run.accountName());
        run.clientId = page.clientId();
        run.viewed = page;
        if (saved.isPresent() && saved.get().clientId().equals(run.clientId)) {
            run.saved = saved.get();
            return StepState.DONE;
        }
        run.resetNeeded = true;                              // the account exists, its secret was never saved
        return StepState.TODO;
    }

    /** What setup would do here, in one line (for plan). */
    static String plan(Run run) {
        return run.resetNeeded ? "the account exists but its secret is not in " + run.sink.path()
                + " (Procore shows it once): Reset Secret" + (run.sink.pending() ? "" : " (only with --reset-secret, or when you agree at the prompt)")
                + ", save the new one, then redo steps 5 and 6 (Reset wipes them)"
                : "save the Client ID, Client Secret and Company ID shown after Create to " + run.sink.path();
    }

    @Override
    public String apply(Run run) {
        String how = "saved";
        if (run.created == null && run.resetNeeded) {
            String why = ResetConsent.obtain(run.config, run.sink, run.accountName(), System.out);
            run.narrator.say("      \"" + run.accountName() + "\" exists but its secret is not in " + run.sink.path() + " (" + why + "): "
                    + "resetting the secret; this wipes the account's permissions and projects, which steps 5 and 6 restore");
            run.created = run.viewed.resetSecret();
            how = "reset the secret, then saved";
        }
        ServiceAccountPage page = run.created;
        String clientId = page.clientId();
        Secret secret = page.secret().orElseThrow(() -> new HarnessFailure(Category.UI_CHANGED,
                "ServiceAccountPage shows no Client Secret right after Create"));
        long companyId = page.companyIdShown().orElseGet(() -> {
            Long fromUrl = page.companyIdFromUrl();
            return fromUrl != null ? fromUrl : run.companyId;
        });
        Credentials c = new Credentials(clientId, secret, companyId, run.accountName(), run.config.target().id,
                run.config.appUrl(), Instant.now());
        java.nio.file.Path where = run.sink.save(c);           // first thing after reading it
        run.sink.clearPending();
        if (!where.equals(run.sink.path())) {
            run.narrator.say("      could not write " + run.sink.path() + ": the credentials were saved to " + where
                    + " instead (readable only by you); move them where they belong");
        }
        run.saved = c;
        run.savedTo = where;
        run.clientId = clientId;
        run.evidence.screenshot("credentials page (secret masked)");
        run.viewed = page;
        return how + " Client ID " + clientId + ", Client Secret and Company ID " + companyId + " to " + where;
    }

    @Override
    public String alreadyDone(Run run) {
        return "credentials for Client ID " + run.clientId + " are already saved in " + run.sink.path();
    }
}
