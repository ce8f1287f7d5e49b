package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.AddAllPanel;
import io.procoresetup.ui.AddAllPanel.Progress;
import io.procoresetup.ui.ProcoreRefused;


/** Guide step 6: Add All, then wait for the progress indicator to reach 100% (Complete, OK). */
public final class AddAllProjects implements SetupStep {
    @Override public int number() { return 6; }

    @Override public String title() { return "Make All Existing Projects Available To Service Account"; }

    @Override
    public StepState inspect(Run run) {
        return run.editUser.addAll().remaining() == 0 ? StepState.DONE : StepState.TODO;
    }

    @Override
    public String apply(Run run) {
        AddAllPanel panel = run.editUser.addAll();
        int before = panel.remaining();
        if (panel.running()) {
            run.narrator.say("      an Add All started earlier is still running: following it");
        } else if (!panel.offered()) {
            throw new ProcoreRefused("Add All is not offered (" + panel.whyNotOffered() + "); " + before
                    + " projects must be added another way, e.g. the REST API's bulk add");
        } else {
            panel.start();
        }
        Progress end = await(run, panel, before);
        if (end.failure() != null) {
            if (end.failure().contains("HTTP 401")) {
                throw new io.procoresetup.ui.Browser.SessionExpired("Add All could not start: Procore asks to sign in again (session expired)");
            }
            // a failed or broken job is transient: a new run adds the rest
            throw new HarnessFailure(Category.NETWORK, "Add All failed at " + end.percent() + "%: " + end.failure()
                    + "; run setup again to add the remaining projects");
        }
        run.editUser = panel.confirm();
        int left = run.editUser.addAll().remaining();
        return "Add All reached 100%: " + (before - left) + " projects added"
                + (left > 0 ? ", " + left + " skipped by Procore (projects without a Directory)" : "");
    }

    /** Waits on the indicator, narrating the percentage, until Complete, a failure, a stall or the time limit. */
    private Progress await(Run run, AddAllPanel panel, int total) {
        long deadline = System.nanoTime() + run.config.addAllTimeout().toNanos();
        int[] last = {-1};
        long[] lastChange = {System.nanoTime()};
        Progress[] seen = {null};
        run.browser.untilQuietly("Add All to reach 100%", run.config.addAllTimeout().plusSeconds(5), d -> {
            Progress p = panel.read();
            seen[0] = p;
            if (p.percent() != last[0]) {
                run.narrator.progress("Add All", p.percent(), total * p.percent() / 100, total);    // Procore's percentage, as projects
                last[0] = p.percent();
                lastChange[0] = System.nanoTime();
            }
            if (p.complete() || p.failure() != null) return true;
            if (System.nanoTime() - lastChange[0] > run.config.addAllStall().toNanos()) {
                throw new HarnessFailure(Category.NETWORK, "Add All stalled at " + p.percent() + "% for " + run.config.addAllStall().toSeconds()
                        + " s; run setup again to resume it");
            }
            if (System.nanoTime() > deadline) {
                throw new HarnessFailure(Category.NETWORK, "Add All did not finish within " + run.config.addAllTimeout().toSeconds()
                        + " s (at " + p.percent() + "%); run setup again to resume it");
            }
            return false;
        });
        return seen[0];
    }

    @Override
    public String alreadyDone(Run run) { return "the account already belongs to every active project"; }
}
