package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.AddAllPanel;
import io.procoresetup.ui.AddAllPanel.Progress;
import io.procoresetup.ui.ProcoreRefused;


/**
 * Guide step 6: Add All, then wait for the progress indicator to reach 100% (or, where Procore shows no
 * percentage, for the projects to move and "Complete"), then OK. Done only when the page lists no project
 * left to add.
 */
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
            throw new HarnessFailure(Category.NETWORK, "Add All failed " + where(end) + ": " + end.failure()
                    + "; run setup again to add the remaining projects");
        }
        run.editUser = panel.confirm();
        int left = run.editUser.addAll().remaining();
        return "Add All " + (end.percent() >= 0 ? "reached 100%" : "completed") + ": " + (before - left) + " projects added"
                + (left > 0 ? ", " + left + " skipped by Procore (projects without a Directory)" : "");
    }

    /** Where a job stood, in the page's terms: its percentage, or the projects it still had to add. */
    private static String where(Progress p) {
        return p.percent() >= 0 ? "at " + p.percent() + "%" : "with " + p.remaining() + " projects still to add";
    }

    /**
     * Waits on the page, narrating, until Complete, a failure, a stall or the time limit. Progress is the
     * percentage where one is shown, and projects leaving the "Does Not Belong To" list either way; a stall
     * is neither changing for the stall time.
     */
    private Progress await(Run run, AddAllPanel panel, int total) {
        long deadline = System.nanoTime() + run.config.addAllTimeout().toNanos();
        Progress[] last = {null};
        long[] lastChange = {System.nanoTime()};
        run.browser.untilQuietly("Add All to finish", run.config.addAllTimeout().plusSeconds(5), d -> {
            Progress p = panel.read();
            Progress was = last[0];
            if (was == null || p.percent() != was.percent() || p.remaining() != was.remaining()) {
                narrate(run, was, p, total);
                lastChange[0] = System.nanoTime();
            }
            last[0] = p;
            if (p.complete() || p.failure() != null) return true;
            if (System.nanoTime() - lastChange[0] > run.config.addAllStall().toNanos()) {
                throw new HarnessFailure(Category.NETWORK, "Add All stalled " + where(p) + " for " + run.config.addAllStall().toSeconds()
                        + " s (" + (p.percent() >= 0 ? "neither the percentage nor the projects left changed" : "no project moved") + "); run setup again to resume it");
            }
            if (System.nanoTime() > deadline) {
                throw new HarnessFailure(Category.NETWORK, "Add All did not finish within " + run.config.addAllTimeout().toSeconds()
                        + " s (" + where(p) + "); run setup again to resume it");
            }
            return false;
        });
        return last[0];
    }

    private static void narrate(Run run, Progress was, Progress p, int total) {
        if (p.percent() >= 0) {
            // Procore's percentage, shown as projects too; the narrator keeps logs to a line per ten percent
            if (was == null || p.percent() != was.percent()) run.narrator.progress("Add All", p.percent(), total * p.percent() / 100, total);
        } else if (p.complete() || was == null || p.remaining() / 10 != was.remaining() / 10) {
            run.narrator.say("      Add All: " + (p.complete() ? "Complete" : p.remaining() + " projects still to add"));
        }
    }

    @Override
    public String alreadyDone(Run run) { return "the account already belongs to every active project"; }
}
