package io.procoresetup.setup;

import io.procoresetup.config.RunConfig;
import io.procoresetup.ui.ProcoreRefused;
import io.procoresetup.ui.ServiceAccountPage;
import io.procoresetup.ui.ServiceAccountsPage;

import java.util.Optional;

/** Guide step 3: New > name the account ("laborchart-integration") > Create. An existing one is reused. */
public final class CreateServiceAccount implements SetupStep<ServiceAccountsPage, CreateServiceAccount.Account> {
    /**
     * The account as this step left it: the list it is in, whether it exists, and, right after Create, the
     * page that shows its secret (the only time Procore shows it).
     */
    public record Account(ServiceAccountsPage list, boolean exists, Optional<ServiceAccountPage> justCreated) {}

    @Override public String title() { return "Create & Name Service Account"; }

    @Override public String article() { return Guide.SERVICE_ACCOUNT_ARTICLE; }

    @Override
    public Seen<Account> inspect(StepContext c, ServiceAccountsPage list) {
        return list.hasAccount(c.accountName())
                ? Seen.done(new Account(list, true, Optional.empty()), "service account \"" + c.accountName() + "\" already exists: reusing it")
                : Seen.todo(new Account(list, false, Optional.empty()), "create service account \"" + c.accountName() + "\"");
    }

    @Override
    public Applied<Account> apply(StepContext c, ServiceAccountsPage list, Seen<Account> seen) {
        io.procoresetup.ui.NewServiceAccountPage form;
        try {
            form = list.openNew();
        } catch (ProcoreRefused sunset) {
            // the way on: today's route, as the exact command for this target and company
            throw new ProcoreRefused(sunset.getMessage() + " ('" + GuidedSetup.setupCommand(c.config().toBuilder().route(RunConfig.DMSA)
                    .appVersionKey("<App Version ID from the app's developer>").build(), c.companyId()) + "')");
        }
        c.sink().markPending(c.accountName(), c.companyId());     // a crash before the save leaves a safe Reset to the next run
        ServiceAccountPage created = form.create(c.accountName());
        return new Applied<>(new Account(list, true, Optional.of(created)), "created service account \"" + c.accountName() + "\"");
    }
}
