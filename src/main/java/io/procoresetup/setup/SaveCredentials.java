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
        if (saved.isPresent() && saved.get().clientId().equals(run.clientId)) {
            run.saved = saved.get();
            run.viewed = page;
            return StepState.DONE;
        }
        run.viewed = page;
        throw new HarnessFailure(Category.PROCORE_REFUSED, "service account \"" + run.accountName() + "\" exists but its secret is not in "
                + run.sink.path() + " (Procore shows a secret only once). Delete the account, or use Reset Secret on its page "
                + "and run setup again: Reset Secret also wipes its permissions and projects, which steps 5 and 6 redo");
    }

    @Override
    public String apply(Run run) {
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
        return "saved Client ID " + clientId + ", Client Secret and Company ID " + companyId + " to " + run.sink.path();
    }

    @Override
    public String alreadyDone(Run run) {
        return "credentials for Client ID " + run.clientId + " are already saved in " + run.sink.path();
    }
}
