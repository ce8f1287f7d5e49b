package io.procoresetup.setup;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.ui.EditUserPage;
import io.procoresetup.ui.Level;

/** Guide step 5: Company Tools > Directory > edit > "Standard" column header > "add to all new projects" > Save. */
public final class ChangePermissions implements SetupStep<SaveCredentials.Saved, ChangePermissions.Permissions> {
    /**
     * The account's Directory settings as this step left them: the edit page (none when the account's
     * permissions are still to be made from nothing), and whether they are.
     */
    public record Permissions(SaveCredentials.Saved credentials, EditUserPage edit, boolean startsEmpty) {}

    static final String TO_DO = "set Standard on every company tool and tick \"add to all new projects\"";

    @Override public String title() { return "Change Service Account's Permissions"; }

    @Override
    public String article() {
        return Guide.ARTICLES + "directory/tutorials/change-a-users-permissions-to-company-tools-in-the-company-directory";
    }

    @Override
    public Seen<Permissions> inspect(StepContext c, SaveCredentials.Saved saved) {
        if (saved.startsEmpty()) {
            return Seen.todo(new Permissions(saved, null, true), TO_DO + (saved.page() != null ? " again (Reset Secret wipes them)" : ""));
        }
        EditUserPage edit = saved.page().header().openDirectory().edit(c.directoryName());
        return edit.permissions().allAt(Level.STANDARD) && edit.projectSettings().addsToNewProjects()
                ? Seen.done(new Permissions(saved, edit, false), "Standard on every company tool and \"add to all new projects\" already ticked")
                : Seen.todo(new Permissions(saved, edit, false), TO_DO);
    }

    @Override
    public Applied<Permissions> apply(StepContext c, SaveCredentials.Saved saved, Seen<Permissions> seen) {
        EditUserPage edit = seen.at().edit() != null ? seen.at().edit() : saved.page().header().openDirectory().edit(c.directoryName());
        edit.permissions().chooseColumn(Level.STANDARD);
        edit.projectSettings().addToAllNewProjects(true);
        EditUserPage after = edit.save();
        if (!after.permissions().allAt(Level.STANDARD) || !after.projectSettings().addsToNewProjects()) {
            throw new HarnessFailure(Category.VERIFICATION_MISMATCH, "after Save the page shows " + after.permissions().levels()
                    + " and \"add to all new projects\" " + (after.projectSettings().addsToNewProjects() ? "ticked" : "unticked"));
        }
        return new Applied<>(new Permissions(saved, after, false), "set Standard on every company tool and ticked \"add to all new projects\"");
    }
}
