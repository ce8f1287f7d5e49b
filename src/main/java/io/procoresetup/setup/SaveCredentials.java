package io.procoresetup.setup;

import io.procoresetup.consent.ResetConsent;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.Secret;
import io.procoresetup.ui.ServiceAccountPage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Guide step 4: the credentials are shown once. They go to the sink before anything else happens, then
 * the page is screenshotted with the secret masked. An account whose secret was never saved gets Reset
 * Secret, only with consent.
 */
public final class SaveCredentials implements SetupStep<CreateServiceAccount.Account, SaveCredentials.Saved> {
    /**
     * The credentials as this step left them: the account's page (none while the account does not exist),
     * its Client ID, the saved credentials, where this run wrote them, and whether the account's permissions
     * and projects are still to be (re)made from nothing: it does not exist yet, or its secret must be reset,
     * which wipes them.
     */
    public record Saved(ServiceAccountPage page, String clientId, Optional<Credentials> credentials, Path savedTo,
                        boolean startsEmpty) {}

    @Override public String title() { return "Save Service Account Credentials"; }

    @Override public String article() { return Guide.SERVICE_ACCOUNT_ARTICLE; }

    @Override
    public Seen<Saved> inspect(StepContext c, CreateServiceAccount.Account account) {
        String save = "save the Client ID, Client Secret and Company ID shown after Create to " + c.sink().path();
        if (account.justCreated().isPresent()) {
            return Seen.todo(new Saved(account.justCreated().get(), null, Optional.empty(), null, false), save);
        }
        if (!account.exists()) return Seen.todo(new Saved(null, null, Optional.empty(), null, true), save);
        Optional<Credentials> saved = c.sink().load();
        ServiceAccountPage page = account.list().view(c.accountName());
        String clientId = page.clientId();
        if (saved.isPresent() && saved.get().clientId().equals(clientId)) {
            return Seen.done(new Saved(page, clientId, saved, null, false),
                    "credentials for Client ID " + clientId + " are already saved in " + c.sink().path());
        }
        // the account exists, its secret was never saved: only a new one can be
        return Seen.todo(new Saved(page, clientId, Optional.empty(), null, true),
                "the account exists but its secret is not in " + c.sink().path() + " (Procore shows it once): Reset Secret"
                        + (c.sink().pending() ? "" : " (only with --reset-secret, or when you agree at the prompt)")
                        + ", save the new one, then redo steps 5 and 6 (Reset wipes them)");
    }

    @Override
    public Applied<Saved> apply(StepContext c, CreateServiceAccount.Account account, Seen<Saved> seen) {
        String how = "saved";
        ServiceAccountPage page;
        if (account.justCreated().isPresent()) {
            page = account.justCreated().get();
        } else {
            String why = ResetConsent.obtain(c.config(), c.sink(), c.accountName(), System.out);
            c.narrator().say("      \"" + c.accountName() + "\" exists but its secret is not in " + c.sink().path() + " (" + why + "): "
                    + "resetting the secret; this wipes the account's permissions and projects, which steps 5 and 6 restore");
            page = seen.at().page().resetSecret();
            how = "reset the secret, then saved";
        }
        String clientId = page.clientId();
        Secret secret = page.secret().orElseThrow(() -> new HarnessFailure(Category.UI_CHANGED,
                "ServiceAccountPage shows no Client Secret right after Create"));
        long companyId = page.companyIdShown().orElseGet(() -> {
            Long fromUrl = page.companyIdFromUrl();
            return fromUrl != null ? fromUrl : c.companyId();
        });
        Credentials creds = new Credentials(clientId, secret, companyId, c.accountName(), c.config().target().id,
                c.config().appUrl(), Instant.now());
        Path where = c.sink().save(creds);            // first thing after reading it
        c.sink().clearPending();
        if (!where.equals(c.sink().path())) {
            c.narrator().say("      could not write " + c.sink().path() + ": the credentials were saved to " + where
                    + " instead (readable only by you); move them where they belong");
        }
        // the step's own picture, taken as it ends, is of this page: the secret masked by the screenshot guard
        return new Applied<>(new Saved(page, clientId, Optional.of(creds), where, false),
                how + " Client ID " + clientId + ", Client Secret and Company ID " + companyId + " to " + where);
    }
}
