package io.procoresetup.setup;

import io.procoresetup.evidence.Category;
import io.procoresetup.evidence.HarnessFailure;
import io.procoresetup.ui.AddAllPanel;
import io.procoresetup.ui.AddAllPanel.Progress;
import io.procoresetup.ui.ProcoreRefused;

import java.time.Duration;

/** Guide step 6: Add All, then wait for the progress indicator to reach 100% (Complete, OK). */
public final class AddAllProjects implements SetupStep {
    /** How long the percentage may stand still before the job counts as stalled. */
    static final Duration STALL = Duration.ofSeconds(30);

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
        if (!panel.offered()) {
            throw new ProcoreRefused("Add All is not offered (" + panel.whyNotOffered() + "); " + before
                    + " projects must be added another way, e.g. the REST API's bulk add");
        }
        panel.start();
        Progress end = await(run, panel);
        if (end.failure() != null) {
            throw new HarnessFailure(Category.PROCORE_REFUSED, "Add All failed at " + end.percent() + "%: " + end.failure());
        }
        run.editUser = panel.confirm();
        int left = run.editUser.addAll().remaining();
        return "Add All reached 100%: " + (before - left) + " projects added"
                + (left > 0 ? ", " + left + " skipped by Procore (projects without a Directory)" : "");
    }

    /** Waits on the indicator, narrating the percentage, until Complete, a failure, a stall or the time limit. */
    private Progress await(Run run, AddAllPanel panel) {
        long deadline = System.nanoTime() + run.config.addAllTimeout().toNanos();
        int[] last = {-1};
        long[] lastChange = {System.nanoTime()};
        Progress[] seen = {null};
        run.browser.until("Add All to reach 100%", run.config.addAllTimeout().plusSeconds(5), d -> {
            Progress p = panel.read();
            seen[0] = p;
            if (p.percent() != last[0]) {
                if (last[0] < 0 || p.percent() / 10 != last[0] / 10 || p.percent() == 100) run.narrator.progress("Add All", p.percent());
                last[0] = p.percent();
                lastChange[0] = System.nanoTime();
            }
            if (p.complete() || p.failure() != null) return true;
            if (System.nanoTime() - lastChange[0] > STALL.toNanos()) {
                throw new HarnessFailure(Category.NETWORK, "Add All stalled at " + p.percent() + "% for " + STALL.toSeconds()
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
