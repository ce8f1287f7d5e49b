package io.procoresetup.verify;

import io.procoresetup.api.Backoff;
import io.procoresetup.api.ProcoreApiException;
import io.procoresetup.api.ProcoreClient;
import io.procoresetup.failure.Category;
import io.procoresetup.secrets.Secret;
import io.procoresetup.verify.Check.Verdict;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The cross-check against a scripted Procore that misbehaves one way at a time (the bad answers of issue 15):
 * every run ends, nothing is accused on an answer that could not be used, and the words say what was received.
 */
public class BadAnswersTest {
    static final long COMPANY = 562949953421312L;
    static final String COMPANY_NAME = "Granite Ridge Construction";
    static final String DIRECTORY_NAME = "laborchart-integration-" + COMPANY_NAME;
    static final List<String> PROJECTS = List.of("P1", "P2", "P3", "P4", "P5");
    static final String TOOLS = "[{\"id\":1,\"name\":\"directory\",\"friendly_name\":\"Directory\",\"user_access_level\":{\"id\":3,\"name\":\"Standard\"}},"
            + "{\"id\":2,\"name\":\"documents\",\"friendly_name\":\"Documents\",\"user_access_level\":%s}]";
    static final String STANDARD = "{\"id\":3,\"name\":\"Standard\"}";

    private MockWebServer server;
    private final Map<String, Function<RecordedRequest, MockResponse>> script = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private MovableClock clock;
    private CountDownLatch held;

    /** A clock that moves only when the harness pauses (the fake back-off) or a test says so. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) { this.now = now; }

        void advance(Duration d) { now = now.plus(d); }

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    @BeforeMethod
    public void start() throws Exception {
        script.clear();
        asked.clear();
        pauses.clear();
        notices.clear();
        clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
        held = new CountDownLatch(1);
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                asked.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                Function<RecordedRequest, MockResponse> f = script.get(path);
                return f != null ? f.apply(r) : good(r);
            }
        });
        server.start();
    }

    @AfterMethod(alwaysRun = true)
    public void stop() {
        held.countDown();
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    /** A well-configured account: Standard everywhere, five projects over three pages of two. */
    MockResponse good(RecordedRequest r) {
        return switch (r.getUrl().encodedPath()) {
            case "/oauth/token" -> json(200, "{\"access_token\":\"tok-0123456789abcdef\",\"token_type\":\"bearer\",\"expires_in\":5400,\"created_at\":1}");
            case "/rest/v1.0/companies" -> list(r, List.of("{\"id\":" + COMPANY + ",\"name\":\"" + COMPANY_NAME + "\",\"is_active\":true}"), 100);
            case "/rest/v1.0/me" -> json(200, "{\"id\":5000000001,\"login\":\"sa@example.com\",\"name\":\"" + DIRECTORY_NAME + "\"}");
            case "/rest/v1.0/settings/permissions" -> json(200, "{\"tools\":" + TOOLS.formatted(STANDARD) + "}");
            case "/rest/v1.0/projects" -> list(r, projects(), 2);
            default -> json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no such path\"}}");
        };
    }

    static List<String> projects() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < PROJECTS.size(); i++) out.add("{\"id\":" + (6_000_000_000L + i) + ",\"name\":\"" + PROJECTS.get(i) + "\",\"active\":true}");
        return out;
    }

    /** Procore's pagination: Total, Per-Page, Link first/prev/next/last (absolute URLs). */
    MockResponse list(RecordedRequest r, List<String> items, int per) {
        int page = r.getUrl().queryParameter("page") == null ? 1 : Integer.parseInt(r.getUrl().queryParameter("page"));
        int last = Math.max(1, (items.size() + per - 1) / per);
        List<String> rows = items.subList(Math.min((page - 1) * per, items.size()), Math.min(page * per, items.size()));
        List<String> links = new ArrayList<>(List.of(link(r, 1, "first"), link(r, last, "last")));
        if (page < last) links.add(link(r, page + 1, "next"));
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").addHeader("Total", items.size())
                .addHeader("Per-Page", per).addHeader("Link", String.join(", ", links)).body("[" + String.join(",", rows) + "]").build();
    }

    static String link(RecordedRequest r, int page, String rel) {
        return "<" + r.getUrl().newBuilder().setQueryParameter("page", String.valueOf(page)).build() + ">; rel=\"" + rel + "\"";
    }

    ProcoreClient client(ProcoreClient.Options o) {
        return new ProcoreClient(server.url("/").toString(), server.url("/").toString(), COMPANY, "client-id", Secret.of("s3cr3t-0123456789abcdef"), o);
    }

    /** Back-off that moves the clock instead of sleeping: the deadline sees the wait, the test does not spend it. */
    ProcoreClient.Options options() {
        return ProcoreClient.Options.defaults().with((Backoff) d -> { pauses.add(d); clock.advance(d); }).with(clock).withNotices(notices::add);
    }

    List<Check> verify(ProcoreClient.Options o) {
        return Verification.run(client(o), new Observation(COMPANY, COMPANY_NAME, "client-id", DIRECTORY_NAME, PROJECTS, true), null);
    }

    static List<Verdict> verdicts(List<Check> checks) { return checks.stream().map(Check::verdict).toList(); }

    static final Verdict P = Verdict.PASS;
    static final Verdict F = Verdict.FAIL;
    static final Verdict C = Verdict.COULD_NOT_CHECK;

    /** What a reader of the console, JSON and report sees: no default may pass for data. */
    static void saysNothingItWasNotTold(List<Check> checks) {
        String all = VerificationTable.text(checks) + VerificationTable.json(checks) + VerificationTable.html(checks);
        assertFalse(all.contains("HTTP 0"), all);
        assertFalse(all.contains("5399"), all);
    }

    @Test
    public void aGoodAccountPassesEveryCheck() {
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, P, P, P, P, P), VerificationTable.text(checks));
        assertEquals(Verification.worst(checks), null);
        assertEquals(asked.get("/rest/v1.0/projects").get(), 3, "five projects at two a page");
    }

    @Test
    public void aNextLinkBackToTheSamePageEndsAtOnceAndIsNotAMismatch() {
        script.put("/rest/v1.0/projects", r -> new MockResponse.Builder().code(200).addHeader("Link", "<" + r.getUrl() + ">; rel=\"next\"")
                .body("[" + projects().get(0) + "]").build());
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, P, P, P, C, P), VerificationTable.text(checks));
        assertTrue(checks.get(4).api().contains("pointed back to page 1, already read"), checks.get(4).api());
        assertEquals(asked.get("/rest/v1.0/projects").get(), 1);
        assertEquals(Verification.worst(checks).exitCode, 8);
    }

    @Test
    public void endlessNextLinksStopAtThePageCountTotalImplies() {
        script.put("/rest/v1.0/projects", r -> {
            int page = r.getUrl().queryParameter("page") == null ? 1 : Integer.parseInt(r.getUrl().queryParameter("page"));
            String body = "[" + (page <= 3 ? String.join(",", projects().subList((page - 1) * 2, Math.min(page * 2, 5))) : "") + "]";
            return new MockResponse.Builder().code(200).addHeader("Total", 5).addHeader("Per-Page", 2)
                    .addHeader("Link", link(r, page + 1, "next")).body(body).build();
        });
        List<Check> checks = verify(options());
        assertEquals(checks.get(4).verdict(), C, VerificationTable.text(checks));
        assertTrue(checks.get(4).api().contains("kept offering a next page after the 3 pages its Total 5 / Per-Page 2 imply"), checks.get(4).api());
        assertEquals(asked.get("/rest/v1.0/projects").get(), 3);
    }

    @Test
    public void endlessNextLinksStopAtRelLastOrAtTheCapWhenTheServerSaysNeither() {
        script.put("/rest/v1.0/projects", r -> {
            int page = r.getUrl().queryParameter("page") == null ? 1 : Integer.parseInt(r.getUrl().queryParameter("page"));
            return new MockResponse.Builder().code(200).addHeader("Link", link(r, page + 1, "next") + ", " + link(r, 4, "last"))
                    .body("[{\"id\":" + page + ",\"name\":\"X" + page + "\"}]").build();
        });
        List<Check> checks = verify(options());
        assertTrue(checks.get(4).api().contains("after page 4, the one its rel=\"last\" names"), checks.get(4).api());
        assertEquals(asked.get("/rest/v1.0/projects").get(), 4);

        asked.clear();
        script.put("/rest/v1.0/projects", r -> {
            int page = r.getUrl().queryParameter("page") == null ? 1 : Integer.parseInt(r.getUrl().queryParameter("page"));
            return new MockResponse.Builder().code(200).addHeader("Link", link(r, page + 1, "next")).body("[{\"id\":" + page + ",\"name\":\"X\"}]").build();
        });
        checks = verify(options().withMaxPages(7));
        assertEquals(checks.get(4).verdict(), C);
        assertTrue(checks.get(4).api().contains("after 7 pages, the most the harness reads when the server gives no Total"), checks.get(4).api());
        assertEquals(asked.get("/rest/v1.0/projects").get(), 7);
    }

    /** /me and /settings/permissions answer after 20 s (or when the test ends). Real time here: short timeouts. */
    private void slowAnswers() {
        Function<RecordedRequest, MockResponse> slow = r -> {
            try {
                held.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return good(r);
        };
        script.put("/rest/v1.0/me", slow);
        script.put("/rest/v1.0/settings/permissions", slow);
    }

    /**
     * Questions asked early, while the run waits on Add All's job, do not use up the cross-check's deadline: the
     * cross-check restarts it when it begins (CrossCheck.run), so a job longer than --deadline still gets every check.
     */
    @Test
    public void questionsAskedEarlyLeaveTheCrossCheckItsWholeDeadline() {
        ProcoreClient api = client(options().withDeadline(Duration.ofSeconds(120)));
        Verification.Asked early = Verification.ask(api);
        List.of(early.token, early.companies, early.me, early.permissions).forEach(java.util.concurrent.CompletableFuture::join);
        clock.advance(Duration.ofMinutes(5));                         // Add All's job took five minutes
        ProcoreApiException late = org.testng.Assert.expectThrows(ProcoreApiException.class, api::me);
        assertEquals(late.kind(), ProcoreApiException.Kind.DEADLINE, "without a restart, the client's deadline has passed");

        api.restartDeadline();
        List<Check> checks = Verification.run(early, new Observation(COMPANY, COMPANY_NAME, "client-id", DIRECTORY_NAME, PROJECTS, true), null);
        assertEquals(verdicts(checks), List.of(P, P, P, P, P, P), VerificationTable.text(checks));
    }

    @Test
    public void answersThatTake20SecondsEndAtTheDeadlineAndSayWhatTheyWaitFor() {
        slowAnswers();
        ProcoreClient.Options o = ProcoreClient.Options.defaults().with((Backoff) pauses::add).withNotices(notices::add)
                .withTimeout(Duration.ofSeconds(30)).withDeadline(Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        List<Check> checks = verify(o);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(Duration.ofSeconds(2 + 5)) < 0, "ends at its 2 s deadline (5 s margin): took " + took);
        // 2-5 are asked at once after the token: the projects' answer is not held up by the slow ones
        assertEquals(verdicts(checks), List.of(P, P, C, C, P, P), VerificationTable.text(checks));
        for (int i = 2; i <= 3; i++) {
            assertEquals(checks.get(i).api(), "no usable answer within the cross-check's deadline of 2 s (--deadline)", VerificationTable.text(checks));
        }
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("still waiting for Procore's answer to GET /rest/v1.0/me: ")
                && n.contains("(read timeout 30 s, deadline in ")), notices.toString());
        assertEquals(Verification.worst(checks), Category.NETWORK, "could not check: exit 8");
    }

    @Test
    public void answersSlowerThanTheReadTimeoutAreTriedThreeTimesOutLoud() {
        slowAnswers();
        ProcoreClient.Options o = ProcoreClient.Options.defaults().with((Backoff) pauses::add).withNotices(notices::add)
                .withTimeout(Duration.ofMillis(400)).withDeadline(Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        List<Check> checks = verify(o);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        assertEquals(verdicts(checks), List.of(P, P, C, C, P, P), VerificationTable.text(checks));
        assertEquals(checks.get(2).api(), "no answer from " + server.url("/").host() + " (SocketTimeoutException after the read timeout of 0.4 s)");
        assertEquals(asked.get("/rest/v1.0/me").get(), 3);
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("no answer to GET /rest/v1.0/me (SocketTimeoutException): trying again in ")
                && n.endsWith("; 2 of 3 tries left")), notices.toString());
    }

    @Test
    public void anHtmlMaintenancePageWithStatus200IsNotJson() {
        script.put("/rest/v1.0/companies", r -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><html><title>Down for maintenance</title><h1>We'll be back soon</h1></html>").build());
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, C, P, P, P, P), VerificationTable.text(checks));
        assertEquals(checks.get(1).api(), "the answer was HTML, not JSON (status 200)");
        saysNothingItWasNotTold(checks);
        assertEquals(Verification.worst(checks).exitCode, 8);
    }

    @Test
    public void truncatedJsonIsCutOffNotAMismatch() {
        String whole = "{\"id\":5000000001,\"login\":\"sa@example.com\",\"name\":\"" + DIRECTORY_NAME + "\"}";
        script.put("/rest/v1.0/me", r -> json(200, whole.substring(0, 30)));
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, P, C, P, P, P), VerificationTable.text(checks));
        assertEquals(checks.get(2).api(), "the answer's JSON was cut off after 30 characters (status 200)");
        saysNothingItWasNotTold(checks);
    }

    @Test
    public void everyCallAnswering500IsCouldNotCheckAfterThreeTriesEach() {
        for (String p : List.of("/rest/v1.0/companies", "/rest/v1.0/me", "/rest/v1.0/settings/permissions", "/rest/v1.0/projects")) {
            script.put(p, r -> json(500, "{\"error\":{\"code\":\"internal\",\"message\":\"Something went wrong\"}}"));
        }
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, C, C, C, C, P), VerificationTable.text(checks));
        assertEquals(checks.get(1).api(), "HTTP 500: Something went wrong");
        assertEquals(asked.get("/rest/v1.0/me").get(), 3);
        assertTrue(notices.contains(notices.stream().filter(n -> n.startsWith("Procore answered 500 to GET /rest/v1.0/me: trying again in ")
                && n.endsWith("; 2 of 3 tries left")).findFirst().orElse("none")), notices.toString());
        assertEquals(Verification.worst(checks).exitCode, 8);
        String line = Verification.summary(checks);
        assertTrue(line.startsWith("could not check: 2 company is reachable, 3 /me is the account's Directory user, "), line);
        assertFalse(line.contains("failed checks"), line);
    }

    @Test
    public void a429ForAnHourFailsAtOnceWithExit9AndTheTimeToRetry() {
        script.put("/rest/v1.0/companies", r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("Rate Limit Exceeded").build());
        List<Check> checks = verify(options());
        assertEquals(checks.get(1).verdict(), C, VerificationTable.text(checks));
        assertEquals(checks.get(1).category(), Category.RATE_LIMITED);
        assertTrue(checks.get(1).api().contains("Procore asked to wait 3600 s (429), longer than the harness waits (90 s): try again after "
                + "2026-11-28 11:00:00 UTC"), checks.get(1).api());
        assertEquals(asked.get("/rest/v1.0/companies").get(), 1, "no second try");
        assertTrue(pauses.isEmpty(), "no wait at all: " + pauses);
        assertEquals(Verification.worst(checks).exitCode, 9);
    }

    @Test
    public void a429PastTheDeadlineFailsAtOnceNamingTheDeadline() {
        script.put("/rest/v1.0/me", r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "60").body("Rate Limit Exceeded").build());
        List<Check> checks = verify(options().withDeadline(Duration.ofSeconds(30)));
        assertTrue(checks.get(2).api().contains("Procore asked to wait 60 s (429), past the cross-check's deadline (30 s left): try again after "
                + "2026-11-28 10:01:00 UTC"), checks.get(2).api());
        assertTrue(pauses.isEmpty(), pauses.toString());
        assertEquals(Verification.worst(checks), Category.RATE_LIMITED);
    }

    @Test
    public void shortRateLimitsAreWaitedOutAndSaidOutLoud() {
        AtomicInteger n = new AtomicInteger();
        script.put("/rest/v1.0/me", r -> n.incrementAndGet() <= 2
                ? new MockResponse.Builder().code(429).addHeader("Retry-After", "30").body("Rate Limit Exceeded").build() : good(r));
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, P, P, P, P, P), VerificationTable.text(checks));
        assertEquals(notices.subList(0, 2), List.of("Procore asked to wait 30 s (429) before GET /rest/v1.0/me; 4 of 5 tries left",
                "Procore asked to wait 30 s (429) before GET /rest/v1.0/me; 3 of 5 tries left"));
    }

    @Test
    public void aMissingOrNullAccessLevelIsNotNone() {
        for (String level : List.of("null", "MISSING")) {
            String tools = level.equals("MISSING") ? TOOLS.replace(",\"user_access_level\":%s", "") : TOOLS.formatted(level);
            script.put("/rest/v1.0/settings/permissions", r -> json(200, "{\"tools\":" + tools + "}"));
            List<Check> checks = verify(options());
            Check c = checks.get(3);
            assertEquals(c.verdict(), C, level + ": " + VerificationTable.text(checks));
            assertEquals(c.api(), "no access level in the answer for Documents", level);
            assertFalse((c.api() + c.detail()).contains("None"), level + ": " + c);
        }
    }

    @Test
    public void aTokenAnswerWithoutExpiresInIsNotGivenALifetime() {
        script.put("/oauth/token", r -> json(200, "{\"access_token\":\"tok-0123456789abcdef\",\"token_type\":\"bearer\"}"));
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, P, P, P, P, P), VerificationTable.text(checks));
        assertEquals(checks.get(0).api(), "token issued, no expiry given");
        saysNothingItWasNotTold(checks);
        assertFalse(VerificationTable.text(checks).contains("valid"), VerificationTable.text(checks));
    }

    @Test
    public void aTokenEndpointThatIsNotProcoreIsCouldNotCheckButRefusedCredentialsFail() {
        script.put("/oauth/token", r -> new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body("<html>Bad gateway</html>").build());
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(C, C, C, C, C, C), VerificationTable.text(checks));
        assertEquals(checks.get(0).api(), "the answer was HTML, not JSON (status 502)");
        assertEquals(checks.get(3).detail(), "no token (check 1)");
        assertEquals(Verification.worst(checks).exitCode, 8);

        script.put("/oauth/token", r -> json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));
        checks = verify(options());
        assertEquals(checks.get(0).verdict(), F, VerificationTable.text(checks));
        assertEquals(Verification.worst(checks).exitCode, 10);
    }

    @Test
    public void aWrongAccountFailsAndAFailOutranksCouldNotCheck() {
        script.put("/rest/v1.0/settings/permissions", r -> json(200, "{\"tools\":" + TOOLS.formatted("{\"id\":1,\"name\":\"Read Only\"}") + "}"));
        script.put("/rest/v1.0/me", r -> json(503, "{\"error\":{\"message\":\"busy\"}}"));
        List<Check> checks = verify(options());
        assertEquals(verdicts(checks), List.of(P, P, C, F, P, P), VerificationTable.text(checks));
        assertEquals(Verification.worst(checks), Category.VERIFICATION_MISMATCH);
        assertEquals(Verification.summary(checks), "failed checks: 4 Standard on every company tool; could not check: 3 /me is the account's "
                + "Directory user (HTTP 503: busy)");
        String table = VerificationTable.text(checks);
        assertTrue(table.contains("COULD NOT CHECK") && table.contains("FAIL"), table);
        assertTrue(VerificationTable.json(checks).contains("\"verdict\" : \"COULD_NOT_CHECK\""), VerificationTable.json(checks));
    }
}
