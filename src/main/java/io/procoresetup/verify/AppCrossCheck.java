package io.procoresetup.verify;

import io.procoresetup.api.Dto;
import io.procoresetup.api.ProcoreApiException;
import io.procoresetup.api.ProcoreClient;
import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.verify.Check.Verdict;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The DMSA route's cross-check (REFERENCE.md section 7): the app's own client credentials against what App
 * Management and the Directory showed. Six checks, each PASS, FAIL or COULD NOT CHECK, in the same table,
 * report and exit codes as the guide route's {@link CrossCheck}. Without the app's credentials only the UI
 * side is audited: nothing passes, what the UI alone proves wrong FAILS, the rest is COULD NOT CHECK.
 */
public final class AppCrossCheck {
    public static final String TITLE = "Cross-check the app's access through the REST API";
    /** What Procore answers a company-scoped call before install and after uninstall. */
    public static final String NOT_CONNECTED = "App is not connected to this company";
    public static final List<String> NAMES = List.of("token is issued for the app", "/companies lists this company",
            "/me is the app's Directory user", "projects visible = active projects", "permissions = the manifest's",
            "added to all new projects");
    static final String NO_CREDENTIALS = "UI only: no app credentials (--client-id ID, the secret from PROCORE_CLIENT_SECRET)";

    private AppCrossCheck() {}

    /**
     * What the UI showed. {@code appName} is null when App Management lists no such app; {@code permissions} are the
     * app's Details as "Tool: Level" (its manifest's levels); {@code activeProjects} is the company's project list as
     * its admin sees it ("number - name"), the only place that knows every active project (the app sees only the
     * permitted ones); {@code permittedProjects} the number in the app's "Permitted Projects (N)".
     */
    public record Seen(long companyId, String companyName, String appName, boolean installed, String directoryUser,
                       List<String> permissions, List<String> activeProjects, int permittedProjects, boolean addsToNewProjects) {
        public Seen {
            permissions = List.copyOf(permissions);
            activeProjects = List.copyOf(activeProjects);
        }
    }

    /** The app's client, with the run's deadline; its notices go to the console. */
    public static ProcoreClient client(RunConfig config, Narrator narrator, long companyId, Credentials app) {
        return new ProcoreClient(config.loginUrl(), config.apiUrl(), companyId, app.clientId(), app.clientSecret(),
                ProcoreClient.Options.defaults().withDeadline(config.deadline()).withNotices(line -> narrator.say("      " + line)));
    }

    /** The name of the app's Directory user in this company, as /me gives it; empty when Procore does not say (not installed, no answer). */
    public static Optional<String> directoryUser(RunConfig config, Narrator narrator, long companyId, Credentials app) {
        try {
            return Optional.ofNullable(client(config, narrator, companyId, app).me().name());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the checks (the UI side only when {@code app} is null) and puts the table into the report and console. Ends with
     * the most serious verdict, as {@link CrossCheck#run} does: FAIL throws "Verification mismatch" (exit 10), COULD NOT
     * CHECK "Network or timeout" (8) or "Rate limited" (9).
     */
    public static List<Check> run(RunConfig config, Evidence evidence, Narrator narrator, Credentials app, Seen seen) {
        narrator.say(TITLE);
        AllureLifecycle allure = Allure.getLifecycle();
        String step = UUID.randomUUID().toString();
        allure.startStep(step, new StepResult().setName(TITLE));
        Status status = Status.BROKEN;
        String statusMessage = null;
        try {
            List<Check> checks;
            ProcoreClient api = null;
            if (app == null) {
                narrator.say("      " + NO_CREDENTIALS + ": the API side is not checked");
                checks = uiOnly(seen);
            } else {
                narrator.say("      asking Procore's API as the app, client ID " + app.clientId() + " (deadline " + config.deadline().toSeconds()
                        + " s, --deadline)");
                api = client(config, narrator, seen.companyId(), app);
                checks = checks(api, seen, app.clientId(), CrossCheck.probe(config, seen.companyId()));
            }
            CrossCheck.publish(allure, evidence, narrator, checks, app == null
                    ? "<h3>App audit: UI side only (no app credentials, the API was not asked)</h3>"
                    : "<h3>The app's access through the REST API</h3>");
            if (api != null) narrator.say("      " + api.stats().requests.get() + " API requests");
            Category worst = Verification.worst(checks);
            status = worst == null ? Status.PASSED : CrossCheck.statusOf(worst);
            if (worst != null) {
                HarnessFailure f = new HarnessFailure(worst, summary(checks));
                statusMessage = f.getMessage();
                throw f;
            }
            return checks;
        } catch (RuntimeException | Error e) {
            if (statusMessage == null) statusMessage = Redactor.global().redact(String.valueOf(e.getMessage()));
            throw e;
        } finally {
            Status s = status;
            String m = statusMessage;
            allure.updateStep(step, r -> r.setStatus(s).setStatusDetails(m == null ? null : new StatusDetails().setMessage(m)));
            allure.stopStep(step);
        }
    }

    /** One line: {@link Verification#summary}, plus Procore's word when it said the app is not connected. */
    public static String summary(List<Check> checks) {
        String line = Verification.summary(checks);
        boolean notConnected = checks.stream().anyMatch(c -> c.verdict() != Verdict.PASS && c.api().contains(NOT_CONNECTED));
        return notConnected ? line + "; Procore says \"" + NOT_CONNECTED + "\": install the app (or Reinstall it from Uninstalled Apps)" : line;
    }

    private static String app(Seen ui) {
        return ui.appName() == null ? "no such app in App Management" : ui.appName() + (ui.installed() ? "" : " (under Uninstalled Apps)");
    }

    /** The six checks of the app's own API view against {@code ui}; {@code probe} creates a project where the target allows it. */
    static List<Check> checks(ProcoreClient api, Seen ui, String clientId, Verification.NewProjectProbe probe) {
        List<Check> out = new ArrayList<>();
        // 1. token
        String appUi = app(ui) + ", client ID " + clientId;
        Check token;
        try {
            token = Check.pass(1, NAMES.get(0), appUi, api.tokenLifetime().map(d -> "token issued, valid " + d.toSeconds() + " s")
                    .orElse("token issued, no expiry given"));
        } catch (ProcoreApiException e) {
            token = e.kind() == ProcoreApiException.Kind.AUTHENTICATION
                    ? Check.fail(1, NAMES.get(0), appUi, e.received(), "the app's client ID and secret do not give a token: ask the app's developer")
                    : Verification.unusable(1, NAMES.get(0), appUi, e);
        } catch (RuntimeException e) {
            token = Verification.unreadable(1, NAMES.get(0), appUi, e);
        }
        out.add(token);
        if (!token.passed()) {
            Category why = token.verdict() == Verdict.COULD_NOT_CHECK ? token.category() : Category.NETWORK;
            for (int i = 2; i <= 6; i++) out.add(Check.couldNotCheck(i, NAMES.get(i - 1), "", "", "no token (check 1)", why));
            return out;
        }
        // 2. the companies where the app is installed
        String company = ui.companyName() + " (" + ui.companyId() + ")";
        out.add(attempt(2, company + ": " + app(ui), ui, () -> {
            List<Dto.Company> all = api.companies();
            for (Dto.Company c : all) {
                if (c.id() == ui.companyId()) {
                    boolean same = c.name().equals(ui.companyName());
                    return result(same, c.name() + " (" + c.id() + ")", same ? "" : "the API names the company differently");
                }
            }
            return result(false, "not among the " + all.size() + " compan" + (all.size() == 1 ? "y" : "ies") + " the app is installed in",
                    "the app is not installed in " + company + ": install it in App Management (or Reinstall it from Uninstalled Apps)");
        }));
        // 3. the app's Directory user
        String user = ui.directoryUser() == null ? "no Directory user shown" : ui.directoryUser();
        out.add(attempt(3, user, ui, () -> {
            Dto.Me me = api.me();
            boolean same = me.name().equals(ui.directoryUser());
            return result(same, me.name() + " (user " + me.id() + ")", same ? "" : "the app's token belongs to another Directory user than the one "
                    + "App Management shows");
        }));
        // 4. projects: the permitted ones are every active one
        out.add(attempt(4, projectsUi(ui), ui, () -> {
            Set<String> seen = new LinkedHashSet<>();
            for (Dto.Project p : api.projects("Active")) seen.add(p.label());
            Set<String> listed = new LinkedHashSet<>(ui.activeProjects());
            List<String> missing = listed.stream().filter(p -> !seen.contains(p)).toList();
            List<String> extra = seen.stream().filter(p -> !listed.contains(p)).toList();
            String detail = (missing.isEmpty() ? "" : "missing " + missing.size() + ": " + names(missing)
                    + " (permit them on the app's Permissions tab: Projects > Select All > Add)")
                    + (!missing.isEmpty() && !extra.isEmpty() ? "; " : "") + (extra.isEmpty() ? "" : "extra " + extra.size() + ": " + names(extra));
            return result(missing.isEmpty() && extra.isEmpty(), seen.size() + " visible to the app", detail);
        }));
        // 5. permissions: what the manifest sets, as the app's Details listed it (not "Standard everywhere")
        out.add(attempt(5, ui.permissions().isEmpty() ? "no tool permissions listed" : String.join(", ", ui.permissions()), ui, () -> {
            Map<String, String> listed = levels(ui.permissions());
            Map<String, String> answered = new LinkedHashMap<>();
            for (Dto.Tool t : api.permissions().tools()) {
                String level = t.level().name();
                if (!level.equalsIgnoreCase("None")) answered.put(t.friendlyName() != null ? t.friendlyName() : t.name(), level);
            }
            List<String> differ = new ArrayList<>();
            listed.forEach((tool, level) -> {
                String got = answered.get(tool);
                if (!level.equalsIgnoreCase(got == null ? "None" : got)) differ.add(tool + ": " + (got == null ? "None" : got) + ", listed " + level);
            });
            answered.forEach((tool, level) -> { if (!listed.containsKey(tool)) differ.add(tool + ": " + level + ", not listed"); });
            String api2 = answered.isEmpty() ? "None on every tool" : String.join(", ", answered.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
            return result(differ.isEmpty(), api2, differ.isEmpty() ? "" : "differs: " + String.join("; ", differ)
                    + ". The manifest sets these levels: do not edit the app's user; reinstall or ask the app's developer");
        }));
        // 6. new projects
        String box = boxUi(ui);
        if (!ui.addsToNewProjects()) {
            out.add(Check.fail(6, NAMES.get(5), box, "", boxAdvice(ui)));
        } else if (probe == null) {
            out.add(Check.pass(6, NAMES.get(5), box, "not proven by creating a project (the target does not allow it)"));
        } else {
            out.add(attempt(6, box, ui, () -> {
                String name = "Cross-check probe " + System.currentTimeMillis();
                long id = probe.create(name);
                boolean got = api.projects("Active").stream().anyMatch(p -> p.id() == id);
                return result(got, got ? "new project " + id + " visible to the app" : "new project " + id + " NOT visible",
                        got ? "" : "a project created now did not reach the app");
            }));
        }
        return out;
    }

    /** Without the app's credentials: only what the UI shows. A UI fact that is wrong FAILS; nothing else can pass. */
    static List<Check> uiOnly(Seen ui) {
        String notAsked = "not asked: no app credentials";
        List<Check> out = new ArrayList<>();
        out.add(Check.couldNotCheck(1, NAMES.get(0), app(ui), notAsked, NO_CREDENTIALS, Category.NETWORK));
        if (ui.appName() == null || !ui.installed()) {
            out.add(Check.fail(2, NAMES.get(1), ui.companyName() + " (" + ui.companyId() + "): " + app(ui), notAsked,
                    "App Management shows the app is not installed in this company: install it (or Reinstall it from Uninstalled Apps)"));
        } else {
            out.add(Check.couldNotCheck(2, NAMES.get(1), ui.companyName() + " (" + ui.companyId() + "): " + app(ui), notAsked, NO_CREDENTIALS,
                    Category.NETWORK));
        }
        out.add(Check.couldNotCheck(3, NAMES.get(2), ui.directoryUser() == null ? "no Directory user shown" : ui.directoryUser(), notAsked,
                NO_CREDENTIALS, Category.NETWORK));
        int active = ui.activeProjects().size();
        if (ui.permittedProjects() != active) {
            out.add(Check.fail(4, NAMES.get(3), projectsUi(ui), notAsked, "UI only: " + ui.permittedProjects() + " permitted, " + active
                    + " active: permit the rest on the app's Permissions tab (Projects > Select All > Add)"));
        } else {
            out.add(Check.couldNotCheck(4, NAMES.get(3), projectsUi(ui), notAsked, NO_CREDENTIALS + "; the counts agree", Category.NETWORK));
        }
        out.add(Check.couldNotCheck(5, NAMES.get(4), ui.permissions().isEmpty() ? "no tool permissions listed" : String.join(", ", ui.permissions()),
                notAsked, NO_CREDENTIALS, Category.NETWORK));
        out.add(ui.addsToNewProjects()
                ? Check.couldNotCheck(6, NAMES.get(5), boxUi(ui), notAsked, NO_CREDENTIALS, Category.NETWORK)
                : Check.fail(6, NAMES.get(5), boxUi(ui), notAsked, boxAdvice(ui)));
        return out;
    }

    private static String projectsUi(Seen ui) {
        if (ui.appName() == null || !ui.installed()) return ui.activeProjects().size() + " active projects listed; no installed app to permit them";
        return ui.activeProjects().size() + " active projects listed; Permitted Projects (" + ui.permittedProjects() + ")";
    }

    private static String boxUi(Seen ui) {
        if (ui.appName() != null && !ui.installed()) return "the app's user left the Directory when the app was uninstalled";
        return ui.addsToNewProjects() ? "box ticked on " + ui.directoryUser() : "box NOT ticked"
                + (ui.directoryUser() == null ? " (no Directory user shown)" : " on " + ui.directoryUser());
    }

    private static String boxAdvice(Seen ui) {
        if (ui.appName() == null || !ui.installed()) return "no installed app, so no Directory user to add to new projects";
        return "\"Add " + (ui.directoryUser() == null ? "<the app's user>" : ui.directoryUser()) + " to all new projects\" is not ticked: new projects "
                + "will not reach the app (Directory > the app's user > Edit > tick it > Save)";
    }

    /** "Tool: Level" lines as tool to level. */
    static Map<String, String> levels(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines) {
            int colon = l.lastIndexOf(':');
            if (colon > 0) out.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
        }
        return out;
    }

    private record Partial(boolean ok, String api, String detail) {}

    private interface Body { Partial run(); }

    private static Partial result(boolean ok, String api, String detail) { return new Partial(ok, api, detail); }

    private static Check attempt(int n, String uiText, Seen ui, Body body) {
        String name = NAMES.get(n - 1);
        try {
            Partial p = body.run();
            return p.ok() ? Check.pass(n, name, uiText, p.api()) : Check.fail(n, name, uiText, p.api(), p.detail());
        } catch (ProcoreApiException e) {
            return switch (e.kind()) {
                case FORBIDDEN -> Check.fail(n, name, uiText, e.received(), e.procoreMessage().contains(NOT_CONNECTED)
                        ? "Procore says the app is not installed in " + ui.companyName() + " (" + ui.companyId() + "): install it in App Management, "
                                + "or Reinstall it from Uninstalled Apps"
                        : "the app's user lacks permission for this: its manifest's levels do not allow it");
                case AUTHENTICATION -> Check.fail(n, name, uiText, e.received(), "Procore refused the app's token");
                case NOT_FOUND -> Check.fail(n, name, uiText, e.received(), "Procore says the app cannot see this");
                default -> Verification.unusable(n, name, uiText, e);
            };
        } catch (HarnessFailure e) {
            return Check.couldNotCheck(n, name, uiText, e.detail(), "run again",
                    e.category() == Category.RATE_LIMITED ? Category.RATE_LIMITED : Category.NETWORK);
        } catch (RuntimeException e) {
            return Verification.unreadable(n, name, uiText, e);
        }
    }

    private static String names(List<String> l) {
        return l.size() <= 10 ? String.join(", ", l) : String.join(", ", l.subList(0, 10)) + ", …";
    }
}
