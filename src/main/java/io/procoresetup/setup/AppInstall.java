package io.procoresetup.setup;

import io.procoresetup.config.RunConfig;
import io.procoresetup.consent.ConsentGate;
import io.procoresetup.consent.ConsentRecord;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Failures;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.ui.Browser;

import java.util.ArrayList;
import java.util.List;

/**
 * The DMSA route's run: sign in, then the four steps of {@link Dmsa}, each inspected before it is applied,
 * with consent asked just before the first change (when the app and what it asks for are known).
 */
public final class AppInstall {
    /** What the vendor needs, and what the cross-check compares with. Nothing secret: the vendor holds the app's credentials. */
    public record Result(long companyId, String companyName, String appName, String directoryUser, List<String> permissions,
                         int permittedProjects, boolean addsToNewProjects, List<String> states, boolean alreadyComplete) {}

    private AppInstall() {}

    public static Result run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator) {
        GuidedSetup.Start s = Failures.categorized(() -> GuidedSetup.start(config, browser, narrator));
        Route<io.procoresetup.ui.HomePage, AddAppUserToNewProjects.AppUser> route = Dmsa.route(config.appVersionKey());
        GuidedSetup.identify(config, evidence, route, s.companyId(), s.companyName(), "App install (DMSA)");
        evidence.describe("target", config.target().id);
        evidence.describe("company_id", s.companyId());
        evidence.describe("company_name", s.companyName());
        evidence.describe("app_version_id", config.appVersionKey());
        ConsentOnce consent = ConsentOnce.whenNeeded(changes -> {
            ConsentRecord r = ConsentGate.obtain(config, s.companyId(), s.companyName(), changes, System.out);
            ResultsFiles.writeJson(config.resultsDir().resolve("consent.json"), r);
            evidence.text("consent.json", "application/json", ResultsFiles.json(r), "json");
            evidence.environment("consent", r.mode() + ", by " + r.who() + " at " + r.when());
            return r;
        });
        StepContext c = new StepContext(config, browser, evidence, narrator, GuidedSetup.sink(config, s.credentials()), s.companyId(),
                s.companyName(), consent);
        List<Object> trail = new ArrayList<>();
        Route.Walked<AddAppUserToNewProjects.AppUser> walked;
        try {
            walked = route.setup(c, s.home(), trail);
        } finally {
            ReportFacts.description(outcome(c, trail, consent, evidence));
        }
        AddAppUserToNewProjects.AppUser user = walked.last();
        InstallApp.Installed app = user.projects().app();
        narrator.say(walked.alreadyComplete() ? "The app was already installed and set up: nothing was changed."
                : "App installed and set up.");
        narrator.say("For the app's developer: Company ID " + s.companyId() + " (" + s.companyName() + "); the app's Directory user is \""
                + user.directoryName() + "\". Nothing secret was shown or saved: the developer's app uses its own credentials.");
        return new Result(s.companyId(), s.companyName(), app.appName(), user.directoryName(), app.permissions(),
                user.projects().permitted(), user.addsToNewProjects(), walked.states(), walked.alreadyComplete());
    }

    /** The outcome table: company, target, route, the app, its Directory user, consent, and each step. */
    private static String outcome(StepContext c, List<Object> trail, ConsentOnce consent, Evidence evidence) {
        InstallApp.Installed app = null;
        AddAppUserToNewProjects.AppUser user = null;
        for (Object o : trail) {
            if (o instanceof InstallApp.Installed i) app = i;
            if (o instanceof AddAppUserToNewProjects.AppUser u) user = u;
        }
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Company", ReportFacts.esc(c.companyName() + " (" + c.companyId() + ")")});
        facts.add(new String[] {"Target", ReportFacts.esc(c.config().target().id + " at " + ConsentGate.host(c.config().appUrl()))});
        facts.add(new String[] {"Route", ReportFacts.esc(Dmsa.NAME)});
        facts.add(new String[] {"App", ReportFacts.esc((app == null ? "not reached" : app.appName()) + " (App Version ID "
                + c.config().appVersionKey() + ")")});
        if (app != null) facts.add(new String[] {"Permissions (from its manifest)", ReportFacts.esc(String.join(", ", app.permissions()))});
        facts.add(new String[] {"Directory user", ReportFacts.esc(user == null || user.directoryName() == null ? "not reached (see the steps)"
                : user.directoryName())});
        facts.add(new String[] {"Secrets", "none shown or saved: the app's developer holds its credentials"});
        ConsentRecord r = consent.record();
        facts.add(new String[] {"Consent", ReportFacts.esc(r == null ? "not asked (nothing was changed)" : r.mode() + ", by " + r.who()
                + " at " + r.when())});
        return GuidedSetup.outcome(facts, evidence);
    }
}
