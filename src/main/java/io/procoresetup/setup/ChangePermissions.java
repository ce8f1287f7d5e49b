package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.EditUserPage;
import io.procoresetup.ui.Level;

/** Guide step 5: Company Tools > Directory > edit > "Standard" column header > "add to all new projects" > Save. */
public final class ChangePermissions implements SetupStep {
    @Override public int number() { return 5; }

    @Override public String title() { return "Change Service Account's Permissions"; }

    @Override
    public StepState inspect(Run run) {
        EditUserPage edit = run.viewed.header().openDirectory().edit(run.directoryName());
        run.editUser = edit;
        return edit.permissions().allAt(Level.STANDARD) && edit.projectSettings().addsToNewProjects() ? StepState.DONE : StepState.TODO;
    }

    @Override
    public String apply(Run run) {
        EditUserPage edit = run.editUser;
        edit.permissions().chooseColumn(Level.STANDARD);
        edit.projectSettings().addToAllNewProjects(true);
        EditUserPage saved = edit.save();
        run.editUser = saved;
        if (!saved.permissions().allAt(Level.STANDARD) || !saved.projectSettings().addsToNewProjects()) {
            throw new HarnessFailure(Category.VERIFICATION_MISMATCH, "after Save the page shows " + saved.permissions().levels()
                    + " and \"add to all new projects\" " + (saved.projectSettings().addsToNewProjects() ? "ticked" : "unticked"));
        }
        return "set Standard on every company tool and ticked \"add to all new projects\"";
    }

    @Override
    public String alreadyDone(Run run) { return "Standard on every company tool and \"add to all new projects\" already ticked"; }
}
