package io.procoresetup.setup;

/** Guide step 2: "Select Service Accounts from the right hand menu." */
public final class OpenServiceAccounts implements SetupStep {
    @Override public int number() { return 2; }

    @Override public String title() { return "Service Accounts"; }

    @Override public StepState inspect(Run run) { return StepState.TODO; }

    @Override
    public String apply(Run run) {
        run.accounts = run.adminSettings.openServiceAccounts();
        return "opened Service Accounts";
    }
}
