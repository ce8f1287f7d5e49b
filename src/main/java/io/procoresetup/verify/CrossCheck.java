package io.procoresetup.verify;

import io.procoresetup.api.ProcoreClient;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Target;
import io.procoresetup.failure.Category;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.evidence.ScreenshotGuard;
import io.procoresetup.setup.StepContext;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.ui.Browser;
import io.procoresetup.ui.ProjectsPage;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the verification with the account's own credentials and puts the table into the report and console.
 * Ends with the most serious verdict: FAIL as "Verification mismatch" (exit 10, Allure "failed"); COULD NOT
 * CHECK as "Network or timeout" (8) or "Rate limited" (9), Allure "broken".
 */
public final class CrossCheck {
    public static final String TITLE = "Cross-check through the REST API";

    private CrossCheck() {}

    /** What the UI showed about the account, short of the project list (read here from the company's list). */
    public record Seen(long companyId, String companyName, String directoryName, boolean addToNewProjectsTicked) {}

    public static List<Check> run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator, Credentials creds, Seen seen) {
        return run(config, browser, evidence, narrator, creds, seen, null, () -> { });
    }

    /**
     * What the cross-check does while Add All's job runs on Procore's side, when the run has nothing else to do:
     * <ul>
     * <li>asks checks 1-4's questions with the credentials step 4 saved (the token, the companies, /me, the permissions:
     * none depends on Add All), to be judged when the cross-check runs;</li>
     * <li>reads the company's project list, in a tab of its own, with its picture, so the cross-check that follows
     * needs no page. The list is the company's active projects, which Add All does not change; check 6's probe project
     * is made after it either way.</li>
     * </ul>
     * What could not be done then, the cross-check does itself, as it would have.
     */
    public static final class Early implements StepContext.Meanwhile {
        private List<String> active;
        private ScreenshotGuard.Picture picture;
        private long companyId;
        private Verification.Asked asked;
        private long askedCompany;
        private String askedFor;

        @Override
        public void whileAddAllRuns(StepContext c, Optional<Credentials> saved) {
            if (asked == null && saved.isPresent()) {          // first, so the answers come while the browser reads
                try {
                    asked = Verification.ask(client(c.config(), c.companyId(), saved.get(), c.narrator()));
                    askedCompany = c.companyId();
                    askedFor = saved.get().clientId();
                } catch (RuntimeException e) {
                    asked = null;                              // asked by the cross-check, which says what went wrong
                }
            }
            if (active != null) return;
            try {
                Browser b = c.browser();
                b.inNewTab(() -> {
                    List<String> listed = ProjectsPage.open(b, c.config().appUrl(), c.companyId()).allProjects();
                    picture = c.evidence().capture();
                    companyId = c.companyId();
                    active = listed;
                    return listed;
                });
            } catch (RuntimeException e) {
                active = null;                         // read again by the cross-check, which says what went wrong
                picture = null;
            }
        }

        /** Whether the list was read for this company: then the cross-check needs no page, and the browser can go. */
        public boolean listRead(long company) { return active(company) != null; }

        /** The list read for this company, if it was. */
        List<String> active(long company) { return active != null && companyId == company ? active : null; }

        /** Its picture, if the list was read. */
        ScreenshotGuard.Picture picture() { return active != null ? picture : null; }

        /** Checks 1-4's questions, if they were asked for this company with these credentials. */
        Verification.Asked asked(long company, String clientId) {
            return asked != null && askedCompany == company && askedFor.equals(clientId) ? asked : null;
        }
    }

    /** The API as the account sees it, with the run's deadline; its notices (waits, retries) are narrated. */
    static ProcoreClient client(RunConfig config, long companyId, Credentials creds, Narrator narrator) {
        return new ProcoreClient(config.loginUrl(), config.apiUrl(), companyId, creds.clientId(), creds.clientSecret(),
                ProcoreClient.Options.defaults().withDeadline(config.deadline()).withNotices(line -> narrator.say("      " + line)));
    }

    /**
     * As above; {@code early}, when given, may hold the project list already read; {@code lastPageRead} runs once the
     * browser is no longer needed (the run may close it then).
     */
    public static List<Check> run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator, Credentials creds, Seen seen,
                                  Early early, Runnable lastPageRead) {
        narrator.say(TITLE);
        AllureLifecycle allure = Allure.getLifecycle();
        String step = UUID.randomUUID().toString();
        allure.startStep(step, new StepResult().setName(TITLE));
        Status status = Status.BROKEN;
        String statusMessage = null;
        try {
            Verification.Asked askedEarly = early == null ? null : early.asked(seen.companyId(), creds.clientId());
            narrator.say("      asking Procore's API (" + (askedEarly != null ? "checks 1-4 asked while Add All's job ran; " : "")
                    + "deadline " + config.deadline().toSeconds() + " s, --deadline)");
            Verification.Asked asked = askedEarly != null ? askedEarly : Verification.ask(client(config, seen.companyId(), creds, narrator));
            ProcoreClient api = asked.api();
            api.restartDeadline();                             // --deadline is the cross-check's, however long Add All ran
            // checks 1-4 need nothing from the project list: asked (read-only) since `asked` was made, while Add All's job
            // ran or while the browser reads the list now
            List<String> readEarly = early == null ? null : early.active(seen.companyId());
            Observation ui = observation(seen, creds, readEarly != null ? readEarly
                    : ProjectsPage.open(browser, config.appUrl(), seen.companyId()).allProjects());
            // 5 and 6 once the list is known (6's probe project must not be in it), while the list's picture is taken
            CompletableFuture<List<Check>> all = Verification.ask(() -> Verification.run(asked, ui, probe(config, seen.companyId())));
            if (readEarly != null) {
                evidence.attach("company project list", early.picture());
            } else {
                evidence.screenshot("company project list");
            }
            lastPageRead.run();
            List<Check> checks = join(all);
            publish(allure, evidence, narrator, checks, "<h3>Verification through the REST API</h3>");
            narrator.say("      " + api.stats().requests.get() + " API requests");
            Category worst = Verification.worst(checks);
            status = worst == null ? Status.PASSED : statusOf(worst);
            if (worst != null) {
                HarnessFailure f = new HarnessFailure(worst, Verification.summary(checks));
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

    private static Observation observation(Seen seen, Credentials creds, List<String> active) {
        return new Observation(seen.companyId(), seen.companyName(), creds.clientId(), seen.directoryName(), active, seen.addToNewProjectsTicked());
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Each check as an Allure step; the table as attachments (HTML, JSON), as the test's description and on the console. */
    static void publish(AllureLifecycle allure, Evidence evidence, Narrator narrator, List<Check> checks, String heading) {
        for (Check c : checks) report(allure, c);
        evidence.text("verification table", "text/html", VerificationTable.html(checks), "html");
        io.procoresetup.evidence.ReportFacts.description(heading + VerificationTable.html(checks));
        evidence.text("verification.json", "application/json", VerificationTable.json(checks), "json");
        narrator.say(VerificationTable.text(checks).stripTrailing());
    }

    /** Allure's words for a verdict: a check the account fails is "failed"; one that could not be made is "broken". */
    static Status statusOf(Category worst) {
        return worst == Category.VERIFICATION_MISMATCH ? Status.FAILED : Status.BROKEN;
    }

    /** Each check as its own step, so the report shows every verdict with its reason (never a secret: text is redacted). */
    private static void report(AllureLifecycle allure, Check c) {
        String uuid = UUID.randomUUID().toString();
        Status s = switch (c.verdict()) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            case COULD_NOT_CHECK -> Status.BROKEN;
        };
        String what = c.api() + (c.detail().isBlank() ? "" : " | " + c.detail());
        allure.startStep(uuid, new StepResult().setName(Redactor.global().redact(c.number() + " " + c.name() + ": " + c.verdict().label))
                .setStatus(s).setStatusDetails(new StatusDetails().setMessage(Redactor.global().redact("UI: " + c.ui() + " | API: " + what))));
        allure.stopStep(uuid);
    }

    /** An HTTP client for the simulator at {@code appUrl} that sends its control token (never logged: OkHttp logs nothing here). */
    public static OkHttpClient controlClient(String appUrl, String token) {
        return ProcoreClient.wire(appUrl).addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .header("X-Control-Token", token).build())).build();
    }

    /** On the simulator, a project can be created through its control API (when it serves one). */
    static Verification.NewProjectProbe probe(RunConfig config, long companyId) {
        if (config.target() != Target.SIMULATOR) return null;
        if (config.controlToken() == null) return null;          // a simulator whose control API this run may not use
        OkHttpClient http = controlClient(config.appUrl(), config.controlToken());
        String url = config.appUrl() + "/__control/companies/" + companyId + "/projects";
        try (Response r = http.newCall(new Request.Builder().url(config.appUrl() + "/__control/companies/" + companyId).build()).execute()) {
            if (!r.isSuccessful()) return null;
        } catch (IOException e) {
            return null;
        }
        return name -> {
            try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create("{\"name\":\"" + name + "\"}",
                    MediaType.get("application/json"))).build()).execute()) {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body().string()).get("id").asLong();
            } catch (IOException e) {
                throw new HarnessFailure(Category.NETWORK, "could not create the probe project: " + e.getMessage());
            }
        };
    }
}
