package io.procoresetup.setup;

/** Guide step 3: New > name the account ("laborchart-integration") > Create. An existing one is reused. */
public final class CreateServiceAccount implements SetupStep {
    @Override public int number() { return 3; }

    @Override public String title() { return "Create & Name Service Account"; }

    @Override
    public StepState inspect(Run run) {
        return run.accounts.hasAccount(run.accountName()) ? StepState.DONE : StepState.TODO;
    }

    @Override
    public String apply(Run run) {
        var form = run.accounts.openNew();
        run.sink.markPending(run.accountName(), run.companyId);      // a crash before the save leaves a safe Reset to the next run
        run.created = form.create(run.accountName());
        return "created service account \"" + run.accountName() + "\"";
    }

    @Override
    public String alreadyDone(Run run) { return "service account \"" + run.accountName() + "\" already exists: reusing it"; }
}
