package io.procoresetup.setup;

import io.procoresetup.evidence.Category;
import io.procoresetup.evidence.HarnessFailure;
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
                + " (Procore shows it once): Reset Secret, save the new one, then redo steps 5 and 6 (Reset wipes them)"
                : "save the Client ID, Client Secret and Company ID shown after Create to " + run.sink.path();
    }

    @Override
    public String apply(Run run) {
        String how = "saved";
        if (run.created == null && run.resetNeeded) {
            run.narrator.say("      \"" + run.accountName() + "\" exists but its secret was never saved (Procore shows it only once): "
                    + "resetting the secret; this wipes the account's permissions and projects, which steps 5 and 6 restore");
            run.created = run.viewed.resetSecret();
            how = "reset the secret, then saved";
        }
        ServiceAccountPage page = run.created;
        String clientId = page.clientId();
        String shown = page.shownSecret().orElseThrow(() -> new HarnessFailure(Category.UI_CHANGED,
                "ServiceAccountPage shows no Client Secret right after Create"));
        Secret secret = Secret.of(shown);
        long companyId = page.companyIdShown().orElseGet(() -> {
            Long fromUrl = page.companyIdFromUrl();
            return fromUrl != null ? fromUrl : run.companyId;
        });
        Credentials c = new Credentials(clientId, secret, companyId, run.accountName(), run.config.target().id,
                run.config.appUrl(), Instant.now());
        run.sink.save(c);                                      // first thing after reading it
        run.saved = c;
        run.clientId = clientId;
        run.evidence.screenshotMasked("credentials page (secret masked)", page.secretElement());
        run.viewed = page;
        return how + " Client ID " + clientId + ", Client Secret and Company ID " + companyId + " to " + run.sink.path();
    }

    @Override
    public String alreadyDone(Run run) {
        return "credentials for Client ID " + run.clientId + " are already saved in " + run.sink.path();
    }
}
