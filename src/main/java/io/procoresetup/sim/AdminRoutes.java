package io.procoresetup.sim;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.ServiceAccount;
import io.procoresetup.sim.Model.User;
import io.procoresetup.sim.view.Views;

import java.util.List;
import java.util.Optional;

/** The Admin tool: its settings page, and Service Accounts (list, New, view with credentials, Reset Secret, delete). */
final class AdminRoutes {
    private final UiSupport ui;
    private final SimState state;
    private final Labels l;

    AdminRoutes(UiSupport ui) {
        this.ui = ui;
        this.state = ui.state;
        this.l = state.labels;
    }

    void register(RoutesConfig r) {
        ui.get(r, "admin", true, (ctx, c, u) ->
                ui.html(ctx, "admin", new Views.Admin(shell(c, u, l.get("adminSettings")), state.faults.serviceAccountsUnderApps,
                        !state.faults.appManagementMissing)));
        ui.get(r, "service_accounts", true, this::accountsPage);
        ui.get(r, "ui-data/service_accounts", true, (ctx, c, u) -> ctx.json(accounts(c)));
        ui.get(r, "service_accounts/new", true, this::newAccountPage);
        ui.post(r, "service_accounts", true, this::createAccount);
        ui.get(r, "service_accounts/{aid}", true, this::viewAccountPage);
        ui.post(r, "service_accounts/{aid}/reset_secret", true, this::resetSecret);
        ui.post(r, "service_accounts/{aid}/delete", true, this::deleteAccount);
    }

    private Views.Shell shell(Company c, User u, String title) { return ui.shell(c, u, title, l.get("admin")); }

    private List<Views.AccountRow> accounts(Company c) {
        synchronized (state) {
            return c.accounts.values().stream().map(a -> new Views.AccountRow(a.id, a.name, a.appType, a.description,
                    a.createdAt.toString().substring(0, 10))).toList();
        }
    }

    private void accountsPage(Context ctx, Company c, User u) {
        ui.html(ctx, "accounts", new Views.Accounts(shell(c, u, l.get("serviceAccounts")), accounts(c),
                "deleted".equals(ctx.queryParam("m")), state.faults.confirmBeforeNew, !state.faults.appManagementMissing));
    }

    private static String creationDisabled() {
        return "Traditional service accounts can no longer be created. Use a Developer Managed Service Account instead: "
                + "the integration's developer provides an app, and a company admin installs it from App Management.";
    }

    private boolean refuseWhenDisabled(Context ctx, Company c, User u) {
        if (state.config.accounts() == Model.AccountsState.AVAILABLE) return false;
        ctx.status(HttpStatus.FORBIDDEN);
        ui.html(ctx, "message", new Views.Message(shell(c, u, "New Service Account"), "New Service Account", creationDisabled(), true, false));
        return true;
    }

    private void newAccountPage(Context ctx, Company c, User u) {
        if (refuseWhenDisabled(ctx, c, u)) return;
        ui.html(ctx, "accountForm", new Views.AccountForm(shell(c, u, "New Service Account"), "", "", "Custom", List.of()));
    }

    private void createAccount(Context ctx, Company c, User u) {
        if (refuseWhenDisabled(ctx, c, u)) return;
        String appType = Optional.ofNullable(ctx.formParam("app_type")).orElse("Custom");
        ServiceAccount[] created = new ServiceAccount[1];
        List<String> errors = state.createAccount(c, ctx.formParam("name"), ctx.formParam("description"), appType, u.email, created);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            ui.html(ctx, "accountForm", new Views.AccountForm(shell(c, u, "New Service Account"),
                    Optional.ofNullable(ctx.formParam("name")).orElse(""), Optional.ofNullable(ctx.formParam("description")).orElse(""),
                    appType, errors));
            return;
        }
        ctx.redirect("/" + c.id + "/company/service_accounts/" + created[0].id, HttpStatus.SEE_OTHER);
    }

    private ServiceAccount accountParam(Context ctx, Company c) {
        try {
            return c.accounts.get(Long.parseLong(ctx.pathParam("aid")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void viewAccountPage(Context ctx, Company c, User u) {
        ServiceAccount a = accountParam(ctx, c);
        if (a == null) {
            UiSupport.notFound(ctx);
            return;
        }
        boolean reveal;
        synchronized (state) {
            reveal = a.revealSecretOnce;
            a.revealSecretOnce = false;         // the secret is shown this once, never again
        }
        ctx.header("Cache-Control", "no-store");
        ui.html(ctx, "account", new Views.Account(shell(c, u, a.name), a.id, a.name, a.clientId, reveal ? a.clientSecret : null,
                a.appType, a.description));
    }

    private void resetSecret(Context ctx, Company c, User u) {
        ServiceAccount a = accountParam(ctx, c);
        if (a == null) {
            UiSupport.notFound(ctx);
            return;
        }
        state.resetSecret(c, a, u.email);
        ctx.redirect("/" + c.id + "/company/service_accounts/" + a.id, HttpStatus.SEE_OTHER);
    }

    private void deleteAccount(Context ctx, Company c, User u) {
        ServiceAccount a = accountParam(ctx, c);
        if (a == null) {
            UiSupport.notFound(ctx);
            return;
        }
        state.deleteAccount(c, a, u.email);
        ctx.redirect("/" + c.id + "/company/service_accounts?m=deleted", HttpStatus.SEE_OTHER);
    }
}
