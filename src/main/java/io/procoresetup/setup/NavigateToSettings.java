package io.procoresetup.setup;

/** Guide step 1: "Under your initials in the top right corner, click the Account & Admin Settings." */
public final class NavigateToSettings implements SetupStep {
    @Override public int number() { return 1; }

    @Override public String title() { return "Navigate to Settings"; }

    /** Navigation changes nothing; it is to-do only while the account still has to be created. */
    @Override public StepState inspect(Run run) { return StepState.TODO; }

    @Override
    public String apply(Run run) {
        run.adminSettings = run.home.header().openAccountAndAdminSettings();
        return "opened Account & Admin Settings";
    }
}
