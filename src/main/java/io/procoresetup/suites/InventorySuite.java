package io.procoresetup.suites;

import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Target;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ReportFacts;
import io.procoresetup.evidence.ResultsFiles;
import io.procoresetup.setup.GuidedSetup;
import io.procoresetup.ui.HomePage;
import io.procoresetup.ui.Inventory;
import io.qameta.allure.Allure;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.testng.ITestContext;
import org.testng.annotations.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Regression part 1: the read-only UI inventory. Every page the six steps use, every landmark and
 * element they need; a drift table in the report; a missing element fails as "Procore UI changed".
 */
public class InventorySuite {
    public static final String INVENTORY_ACCOUNT = "regression-inventory";

    @Test(description = "UI inventory: every page and element the six steps use (read-only)")
    public void inventory(ITestContext context) {
        Allure.getLifecycle().updateTestCase(t -> t.setName("UI inventory"));
        SuiteRun run = SuiteRun.of(context);
        try {
            RunConfig config = run.config();
            try (RunSession s = RunSession.open(config, Narrator.console())) {
                s.evidence.job(ReportFacts.REGRESSION_JOB);
                HomePage home = GuidedSetup.signIn(s.config, s.browser, s.narrator);
                long companyId = s.config.companyId() != null ? s.config.companyId() : home.companyId();
                String companyName = home.header().companyName();
                GuidedSetup.identify(s.config, s.evidence, companyId, companyName, "UI inventory (read-only)");
                Inventory inventory = new Inventory(s.browser, s.config.appUrl(), companyId,
                        (c, shot) -> pageStep(c, shot ? () -> s.evidence.screenshot(c.page()) : null));
                List<Inventory.PageCheck> checks;
                if (s.config.dmsa()) {
                    seedApp(s.config, companyId);                  // on a simulator: an installed app to look at
                    checks = inventory.walkApps();
                } else {
                    String account = seedAccount(s.config, companyId) ? INVENTORY_ACCOUNT : null;
                    checks = inventory.walk(account, account == null ? null : account + "-" + companyName);
                }
                Drift.report(checks, s.narrator);
                List<Inventory.Item> missing = checks.stream().flatMap(c -> c.missing().stream()).toList();
                List<String> unreached = checks.stream().filter(c -> !c.notReached().isEmpty()).map(Inventory.PageCheck::page).toList();
                if (!missing.isEmpty() || !unreached.isEmpty()) {
                    throw new HarnessFailure(Category.UI_CHANGED, describe(missing)
                            + (unreached.isEmpty() ? "" : (missing.isEmpty() ? "" : "; ") + "not reached, even by URL: " + String.join(", ", unreached)));
                }
            }
        } catch (RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    /** One Allure step per page with its screenshot; a page that lacks something is a failed step, and the walk goes on. */
    static void pageStep(Inventory.PageCheck c, Runnable screenshot) {
        try {
            String how = "URL".equals(c.reachedBy()) ? " (reached by its URL)" : "";
            Allure.step(c.page() + how + (!c.notReached().isEmpty() ? ": not reached" : c.missing().isEmpty() ? "" : ": " + c.missing().size() + " missing"), () -> {
                if (screenshot != null) screenshot.run();             // through the evidence's screenshot guard
                if (!c.notReached().isEmpty()) throw new HarnessFailure(Category.UI_CHANGED, c.page() + " could not be reached, even by its URL");
                if (!c.missing().isEmpty()) throw new HarnessFailure(Category.UI_CHANGED, describe(c.missing()));
            });
        } catch (HarnessFailure reported) {
            // recorded on the page's step; the suite fails once every page has been looked at
        }
    }

    static String describe(List<Inventory.Item> missing) {
        List<String> parts = new ArrayList<>();
        for (Inventory.Item i : missing) parts.add(i.page() + " lacks " + i.element() + " (looked for " + i.xpath() + ")");
        return String.join("; ", parts);
    }

    /** On the simulator, an account for the inventory to look at (made behind the UI, its secret never shown). */
    /** On a simulator with a control API, the seeded app installed (if it is not already), so its pages can be looked at. */
    static void seedApp(RunConfig config, long companyId) {
        if (config.target() != Target.SIMULATOR || config.controlToken() == null) return;
        OkHttpClient http = io.procoresetup.verify.CrossCheck.controlClient(config.appUrl(), config.controlToken());
        String url = config.appUrl() + "/__control/companies/" + companyId + "/app";
        try (Response now = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (now.isSuccessful() && now.body() != null && now.body().string().contains("\"installed\"")) return;
        } catch (IOException e) {
            return;
        }
        try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(
                "{\"state\":\"installed\",\"permittedProjects\":\"all\",\"addToNewProjects\":true}", MediaType.get("application/json")))
                .build()).execute()) {
            // a failure here leaves no app to look at: the inventory then reports only the pages before it
        } catch (IOException ignored) {
            // as above
        }
    }

    static boolean seedAccount(RunConfig config, long companyId) {
        if (config.target() != Target.SIMULATOR || config.controlToken() == null) return false;
        OkHttpClient http = io.procoresetup.verify.CrossCheck.controlClient(config.appUrl(), config.controlToken());
        String url = config.appUrl() + "/__control/companies/" + companyId + "/accounts";
        try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create("{\"name\":\"" + INVENTORY_ACCOUNT + "\"}",
                MediaType.get("application/json"))).build()).execute()) {
            return r.isSuccessful() || r.code() == 422;          // 422: it exists already
        } catch (IOException e) {
            return false;
        }
    }

    /** The drift table: per page, each landmark and element, found or not. */
    static final class Drift {
        private Drift() {}

        static void report(List<Inventory.PageCheck> checks, Narrator narrator) {
            StringBuilder html = new StringBuilder("<!doctype html><meta charset=\"utf-8\"><style>table{border-collapse:collapse;font:14px sans-serif}"
                    + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.ok{color:#2f9e44}.missing{color:#c92a2a;font-weight:bold}</style>"
                    + "<table><tr><th>Page</th><th>Landmark or element</th><th>Found</th><th>Looked for</th></tr>");
            int found = 0;
            int total = 0;
            for (Inventory.PageCheck c : checks) {
                for (Inventory.Item i : c.items()) {
                    total++;
                    if (i.found()) found++;
                    String cell = i.found() ? "ok\">found" : Inventory.NOT_REACHED.equals(i.status()) ? "missing\">page not reached" : "missing\">MISSING";
                    html.append("<tr><td>").append(esc(i.page())).append("</td><td>").append(esc(i.element())).append("</td><td class=\"")
                            .append(cell).append("</td><td><code>").append(esc(i.xpath())).append("</code></td></tr>");
                }
            }
            html.append("</table>");
            Allure.addAttachment("UI drift", "text/html", html.toString(), "html");
            ReportFacts.description("<h3>UI drift: " + found + " of " + total + " found on " + checks.size() + " pages</h3>" + html);
            Allure.addAttachment("ui-drift.json", "application/json", ResultsFiles.json(checks), "json");
            narrator.say("UI inventory: " + found + " of " + total + " landmarks and elements found on " + checks.size() + " pages");
            for (Inventory.PageCheck c : checks) {
                if (!c.notReached().isEmpty()) narrator.say("  NOT REACHED " + c.page() + " (even by its URL): its " + c.items().size() + " elements were not judged");
                else if ("URL".equals(c.reachedBy())) narrator.say("  " + c.page() + ": reached by its URL");
                for (Inventory.Item i : c.missing()) narrator.say("  MISSING " + i.page() + ": " + i.element());
            }
        }

        private static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
    }
}
