package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.AddAllPanel;
import io.procoresetup.ui.AddAllPanel.Progress;
import io.procoresetup.ui.EditUserPage;
import io.procoresetup.ui.ProcoreRefused;


/**
 * Guide step 6: Add All, then wait for the progress indicator to reach 100% (or, where Procore shows no
 * percentage, for the projects to move and "Complete"), then OK. Done only when the page lists no project
 * left to add.
 */
public final class AddAllProjects implements SetupStep<ChangePermissions.Permissions, AddAllProjects.Projects> {
    /** The account's projects as this step left them: the edit page, and how many projects it still lacks (-1: not looked). */
    public record Projects(ChangePermissions.Permissions permissions, EditUserPage edit, int remaining) {}

    @Override public String title() { return "Make All Existing Projects Available To Service Account"; }

    @Override
    public String article() {
        return Guide.ARTICLES + "directory/tutorials/add-an-existing-user-to-projects-in-your-companys-procore-account";
    }

    @Override
    public Seen<Projects> inspect(StepContext c, ChangePermissions.Permissions permissions) {
        if (permissions.startsEmpty()) {
            return Seen.todo(new Projects(permissions, null, -1), "Add All: add the account to every active project");
        }
        int remaining = permissions.edit().addAll().remaining();
        return remaining == 0
                ? Seen.done(new Projects(permissions, permissions.edit(), 0), "the account already belongs to every active project")
                : Seen.todo(new Projects(permissions, permissions.edit(), remaining), "Add All: add the account to " + remaining + " more projects");
    }

    @Override
    public Applied<Projects> apply(StepContext c, ChangePermissions.Permissions permissions, Seen<Projects> seen) {
        EditUserPage edit = permissions.edit() != null ? permissions.edit()
                : seen.at().permissions().credentials().page().header().openDirectory().edit(c.directoryName());
        AddAllPanel panel = edit.addAll();
        int before = panel.remaining();
        if (panel.running()) {
            c.narrator().say("      an Add All started earlier is still running: following it");
        } else if (!panel.offered()) {
            throw new ProcoreRefused("Add All is not offered (" + panel.whyNotOffered() + "); " + before
                    + " projects must be added another way: the REST API's bulk add, or today's route, whose Select All has no such limit ('"
                    + GuidedSetup.setupCommand(c.config().toBuilder().route(io.procoresetup.config.RunConfig.DMSA)
                            .appVersionKey("<App Version ID from the app's developer>").build(), c.companyId()) + "')");
        } else {
            panel.start();
        }
        Progress end = await(c, panel, before, permissions.credentials().credentials());
        if (end.failure() != null) {
            if (end.failure().contains("HTTP 401")) {
                throw new io.procoresetup.ui.Browser.SessionExpired("Add All could not start: Procore asks to sign in again (session expired)");
            }
            // a failed or broken job is transient: a new run adds the rest
            throw new HarnessFailure(Category.NETWORK, "Add All failed " + where(end) + ": " + end.failure()
                    + "; run setup again to add the remaining projects");
        }
        EditUserPage after = panel.confirm();
        int left = after.addAll().remaining();
        return new Applied<>(new Projects(permissions, after, left), "Add All " + (end.percent() >= 0 ? "reached 100%" : "completed") + ": " + (before - left) + " projects added"
                + (left > 0 ? ", " + left + " skipped by Procore (projects without a Directory)" : ""));
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
    private Progress await(StepContext c, AddAllPanel panel, int total, java.util.Optional<io.procoresetup.secrets.Credentials> saved) {
        long deadline = System.nanoTime() + c.config().addAllTimeout().toNanos();
        Progress[] last = {null};
        long[] lastChange = {System.nanoTime()};
        boolean[] meanwhile = {false};
        c.browser().untilQuietly("Add All to finish", c.config().addAllTimeout().plusSeconds(5), d -> {
            Progress p = panel.read();
            Progress was = last[0];
            if (was == null || p.percent() != was.percent() || p.remaining() != was.remaining()) {
                narrate(c, was, p, total);
                lastChange[0] = System.nanoTime();
            }
            last[0] = p;
            if (p.complete() || p.failure() != null) return true;
            if (!meanwhile[0] && (p.percent() >= 0 ? p.percent() < 50 : p.remaining() > total / 2)) {
                meanwhile[0] = true;                  // the job has most of its way to go: time for the run's other browser work
                c.meanwhile().whileAddAllRuns(c, saved);
                return false;                         // and a fresh look at the progress
            }
            if (System.nanoTime() - lastChange[0] > c.config().addAllStall().toNanos()) {
                throw new HarnessFailure(Category.NETWORK, "Add All stalled " + where(p) + " for " + c.config().addAllStall().toSeconds()
                        + " s (" + (p.percent() >= 0 ? "neither the percentage nor the projects left changed" : "no project moved") + "); run setup again to resume it");
            }
            if (System.nanoTime() > deadline) {
                throw new HarnessFailure(Category.NETWORK, "Add All did not finish within " + c.config().addAllTimeout().toSeconds()
                        + " s (" + where(p) + "); run setup again to resume it");
            }
            return false;
        });
        return last[0];
    }

    private static void narrate(StepContext c, Progress was, Progress p, int total) {
        if (p.percent() >= 0) {
            // Procore's percentage, shown as projects too; the narrator keeps logs to a line per ten percent
            if (was == null || p.percent() != was.percent()) c.narrator().progress("Add All", p.percent(), total * p.percent() / 100, total);
        } else if (p.complete() || was == null || p.remaining() / 10 != was.remaining() / 10) {
            c.narrator().say("      Add All: " + (p.complete() ? "Complete" : p.remaining() + " projects still to add"));
        }
    }
}
