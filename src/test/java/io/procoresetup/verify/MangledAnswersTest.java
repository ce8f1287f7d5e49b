package io.procoresetup.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.procoresetup.api.Backoff;
import io.procoresetup.api.Dto;
import io.procoresetup.api.ProcoreClient;
import io.procoresetup.failure.Category;
import io.procoresetup.secrets.Secret;
import io.procoresetup.support.Sim;
import io.procoresetup.verify.Check.Verdict;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * The simulator's real answers, recorded once and then replayed through an in-process proxy that mangles one
 * endpoint per case (wrong JSON types, missing fields, truncation, HTML bodies, bad headers, repeated or endless
 * pages, error statuses, slow answers, refusals, transient trouble). Over 1,200 seeded cases: no exception escapes,
 * no request goes out after the deadline, no check whose input was mangled reports PASS (an unusable answer is
 * COULD NOT CHECK, a refusal FAIL), and the checks that were not touched still PASS.
 * Replay one case with {@code -Dmangle.seed=S -Dmangle.case=N}.
 */
public class MangledAnswersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The checks' requests one at a time, for the cases that move the test's clock (a slow answer moves it 20 s at once,
     * and a request asked beside it would read as sent 20 s late); every other case asks 2-5 at once, as the harness
     * does. BadAnswersTest holds the checks asked at once to the deadline in real time.
     */
    static final java.util.concurrent.Executor ONE_AT_A_TIME = Runnable::run;
    static final int CASES = Integer.getInteger("mangle.cases", 1200);
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final int MAX_PAGES = 20;
    static final int PER_PAGE = 10;
    static final String HTML = "<!DOCTYPE html>\n<html><head><title>Procore is down for maintenance</title></head>"
            + "<body><h1>We'll be back shortly</h1></body></html>";

    enum Endpoint {
        TOKEN("/oauth/token", 1), COMPANIES("/rest/v1.0/companies", 2), ME("/rest/v1.0/me", 3),
        PERMISSIONS("/rest/v1.0/settings/permissions", 4), PROJECTS("/rest/v1.0/projects", 5);

        final String path;
        final int check;

        Endpoint(String path, int check) {
            this.path = path;
            this.check = check;
        }

        boolean list() { return this == COMPANIES || this == PROJECTS; }

        /** The checks that read this endpoint's answers; every check needs the token. */
        boolean feeds(int checkNumber) { return this == TOKEN || check == checkNumber; }

        static Endpoint of(String path) {
            for (Endpoint e : values()) if (e.path.equals(path)) return e;
            return null;
        }
    }

    enum Kind {
        WRONG_TYPE, MISSING_FIELD, TRUNCATED, HTML_BODY, BAD_HEADER, REPEATED_PAGES, ENDLESS_PAGES, ERROR_STATUS, SLOW, REFUSED, RECOVERS;

        /** What a check fed by the mangled endpoint must end as. */
        Verdict expected() {
            return this == REFUSED ? Verdict.FAIL : this == RECOVERS ? Verdict.PASS : Verdict.COULD_NOT_CHECK;
        }

        /** Kinds that may use up the deadline, so checks after them may fairly not get to ask. */
        boolean spendsTime() { return this == SLOW || this == ERROR_STATUS; }
    }

    /** One recorded answer of the simulator. */
    record Tape(int status, Map<String, String> headers, String body) {}

    /** Answers a request to the mangled endpoint, or null to replay the tape. */
    interface Mangle {
        MockResponse answer(int page, int nth, RecordedRequest r);
    }

    record Case(int index, Kind kind, Endpoint target, String what, Mangle mangle) {}

    /** Real time plus whatever the fake back-off and the "slow" answers added. */
    static final class TestClock extends Clock {
        final AtomicLong offsetNanos = new AtomicLong();

        void advance(Duration d) { offsetNanos.addAndGet(d.toNanos()); }

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return Instant.now().plusNanos(offsetNanos.get()); }
    }

    private Sim sim;
    private MockWebServer proxy;
    private String base;
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    private final Map<String, Tape> tape = new ConcurrentHashMap<>();
    private final Map<Endpoint, Integer> pages = new EnumMap<>(Endpoint.class);
    private final TestClock clock = new TestClock();
    private volatile boolean recording = true;
    private volatile Case current;
    private volatile Instant caseEnd = Instant.MAX;
    private final AtomicInteger lateRequests = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private Observation ui;
    private long cid;
    private Sim.Account account;

    @BeforeClass
    public void record() throws IOException {
        sim = new Sim();
        cid = sim.freshCompany(25, 2, 0, 0);
        sim.control("/config", Map.of("spikeLimit", 1_000_000, "hourlyLimit", 10_000_000));
        account = sim.account(cid, "fuzz", "Standard", true);
        proxy = new MockWebServer();
        proxy.setServerSocketFactory(new NoDelayServerSockets());
        proxy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return recording ? forward(r) : replay(r);
            }
        });
        proxy.start();
        base = proxy.url("/").toString().replaceAll("/$", "");
        ProcoreClient recorder = client();
        recorder.tokenLifetime();
        String company = recorder.companies().get(0).name();
        recorder.me();
        recorder.permissions();
        List<String> labels = recorder.projects("Active").stream().map(Dto.Project::label).toList();
        recording = false;
        assertEquals(labels.size(), 25, "the seeded active projects");
        assertEquals(pages.get(Endpoint.PROJECTS), 3, "25 projects at " + PER_PAGE + " a page");
        ui = new Observation(cid, company, account.clientId(), "fuzz-" + company, labels, true);
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (proxy != null) proxy.close();
        if (sim != null) sim.close();
    }

    private ProcoreClient client() {
        ProcoreClient.Options o = ProcoreClient.Options.defaults().with((Backoff) clock::advance).with(clock).withDeadline(DEADLINE)
                .withTimeout(Duration.ofSeconds(2)).withMaxPages(MAX_PAGES).withHttp(http);
        return new ProcoreClient(base, base, cid, account.clientId(), Secret.of(account.clientSecret()), o);
    }

    // ---- the proxy ------------------------------------------------------------------------------

    /** Recording: the simulator's answer, at PER_PAGE a page, with its links pointing back at the proxy. */
    private MockResponse forward(RecordedRequest r) {
        HttpUrl.Builder u = HttpUrl.get(sim.url()).newBuilder().encodedPath(r.getUrl().encodedPath()).encodedQuery(r.getUrl().encodedQuery());
        if (r.getUrl().queryParameter("per_page") != null) u.setQueryParameter("per_page", String.valueOf(PER_PAGE));
        Request.Builder out = new Request.Builder().url(u.build());
        for (String h : List.of("Authorization", "Procore-Company-Id")) if (r.getHeaders().get(h) != null) out.header(h, r.getHeaders().get(h));
        if (r.getMethod().equals("POST")) {
            out.post(RequestBody.create(r.getBody() == null ? new byte[0] : r.getBody().toByteArray(), MediaType.get(r.getHeaders().get("Content-Type"))));
        }
        try (Response resp = http.newCall(out.build()).execute()) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String h : List.of("Content-Type", "Total", "Per-Page", "Link")) {
                if (resp.header(h) != null) headers.put(h, resp.header(h).replace(sim.url(), base));
            }
            Tape t = new Tape(resp.code(), headers, resp.body().string());
            Endpoint e = Endpoint.of(r.getUrl().encodedPath());
            int page = page(r);
            if (e != null && t.status() == 200) {
                tape.put(e + "#" + page, t);
                pages.merge(e, page, Math::max);
            }
            return response(t).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse replay(RecordedRequest r) {
        requests.incrementAndGet();
        if (clock.instant().isAfter(caseEnd)) lateRequests.incrementAndGet();
        Endpoint e = Endpoint.of(r.getUrl().encodedPath());
        if (e == null) return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"not recorded\"}}").build();
        int page = page(r);
        int nth = calls.computeIfAbsent(e + "#" + page, k -> new AtomicInteger()).incrementAndGet();
        Case c = current;
        MockResponse m = c != null && c.target() == e ? c.mangle().answer(page, nth, r) : null;
        if (m != null) return m;
        Tape t = tape.get(e + "#" + page);
        return t != null ? response(t).build() : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("[]").build();
    }

    static int page(RecordedRequest r) {
        String p = r.getUrl().queryParameter("page");
        return p == null ? 1 : Integer.parseInt(p);
    }

    static MockResponse.Builder response(Tape t) {
        MockResponse.Builder b = new MockResponse.Builder().code(t.status()).body(t.body());
        t.headers().forEach(b::addHeaderLenient);
        return b;
    }

    static MockResponse.Builder response(Tape t, String name, String value) {
        MockResponse.Builder b = response(t).removeHeader(name);
        return value == null ? b : b.addHeaderLenient(name, value);
    }

    private Tape tape(Endpoint e, int page) { return tape.get(e + "#" + page); }

    private String pageUrl(Endpoint e, int page) {
        HttpUrl first = HttpUrl.get(base + e.path).newBuilder().addQueryParameter("company_id", String.valueOf(cid)).build();
        return (e == Endpoint.PROJECTS ? first.newBuilder().addQueryParameter("filters[by_status]", "Active") : first.newBuilder())
                .addQueryParameter("page", String.valueOf(page)).addQueryParameter("per_page", String.valueOf(PER_PAGE)).build().toString();
    }

    // ---- the cases ------------------------------------------------------------------------------

    @Test(timeOut = 600_000)
    public void noMangledAnswerPassesAndEveryRunEndsWithinItsDeadline() {
        long seed = Long.getLong("mangle.seed", new Random().nextLong());
        Integer only = Integer.getInteger("mangle.case");
        Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        long slowestMs = 0;
        for (int i = 0; i < CASES; i++) {
            if (only != null && i != only) continue;
            Case c = make(i, seed);
            String replay = "case " + i + " of seed " + seed + " (replay: -Dmangle.seed=" + seed + " -Dmangle.case=" + i + "): " + c.kind() + " "
                    + c.target() + ", " + c.what();
            calls.clear();
            lateRequests.set(0);
            current = c;
            List<Check> checks;
            long c0 = System.nanoTime();
            try {
                ProcoreClient api = client();
                caseEnd = clock.instant().plus(DEADLINE);
                // a case that moves the clock asks one request at a time; every other case asks as the harness does
                checks = c.kind().spendsTime() ? Verification.run(api, ui, null, ONE_AT_A_TIME) : Verification.run(api, ui, null);
            } catch (Throwable e) {
                failures.add(replay + ": an exception escaped: " + e);
                continue;
            } finally {
                current = null;
                caseEnd = Instant.MAX;
            }
            long ms = (System.nanoTime() - c0) / 1_000_000;
            slowestMs = Math.max(slowestMs, ms);
            tally.computeIfAbsent(c.kind(), k -> new int[1])[0]++;
            String problem = judge(c, checks, ms);
            if (problem != null) failures.add(replay + ": " + problem + "\n" + VerificationTable.text(checks));
        }
        long totalMs = (System.nanoTime() - t0) / 1_000_000;
        StringBuilder kinds = new StringBuilder();
        tally.forEach((k, n) -> kinds.append(k).append('=').append(n[0]).append(' '));
        System.out.println("MangledAnswersTest: seed " + seed + ", " + (only != null ? 1 : CASES) + " cases, " + requests.get() + " requests, "
                + totalMs + " ms in all, slowest case " + slowestMs + " ms; " + kinds.toString().strip());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " cases went wrong (seed " + seed + "); the first:\n" + String.join("\n\n", failures.subList(0,
                    Math.min(5, failures.size()))));
        }
        if (only == null && Integer.getInteger("mangle.cases") == null) {
            assertTrue(CASES >= 1000, "at least 1,000 cases");
            for (Kind k : Kind.values()) assertTrue(tally.containsKey(k), "every kind of mangling was tried: " + kinds);
        }
    }

    /** Null when the case went as it must; otherwise what went wrong. */
    private String judge(Case c, List<Check> checks, long ms) {
        if (checks.size() != 6) return "expected six checks, got " + checks.size();
        if (lateRequests.get() > 0) return lateRequests.get() + " request(s) went out after the deadline";
        if (ms >= DEADLINE.toMillis()) return "took " + ms + " ms, past the " + DEADLINE.toSeconds() + " s deadline";
        String table = VerificationTable.text(checks) + VerificationTable.json(checks);
        if (table.contains("HTTP 0")) return "shows 'HTTP 0', a status nobody sent";
        for (Check k : checks) {
            boolean fed = c.target().feeds(k.number()) && !(k.number() == 6 && c.target() != Endpoint.TOKEN);
            Verdict want = c.kind().expected();
            if (fed && c.target() == Endpoint.TOKEN && c.kind() == Kind.REFUSED && k.number() > 1) want = Verdict.COULD_NOT_CHECK;
            if (fed) {
                if (c.kind() != Kind.RECOVERS && k.verdict() == Verdict.PASS) return "check " + k.number() + " PASSED on a mangled answer";
                if (k.verdict() != want) return "check " + k.number() + " is " + k.verdict() + ", expected " + want;
            } else if (k.verdict() != Verdict.PASS
                    && !(c.kind().spendsTime() && k.verdict() == Verdict.COULD_NOT_CHECK && k.api().contains("deadline"))) {
                return "check " + k.number() + " was not fed by " + c.target() + " but is " + k.verdict() + ": " + k.api();
            }
            if (k.verdict() == Verdict.COULD_NOT_CHECK && (k.category() != Category.NETWORK && k.category() != Category.RATE_LIMITED
                    || (k.api() + k.detail()).isBlank())) {
                return "check " + k.number() + " could not check without a reason or with category " + k.category();
            }
        }
        return null;
    }

    private Case make(int i, long seed) {
        Random rnd = new Random(seed * 1_000_003L + i);
        Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
        List<Endpoint> targets = new ArrayList<>(List.of(Endpoint.values()));
        if (kind == Kind.REPEATED_PAGES || kind == Kind.ENDLESS_PAGES) targets.removeIf(e -> !e.list());
        Endpoint e = targets.get(rnd.nextInt(targets.size()));
        int last = pages.getOrDefault(e, 1);
        int page = 1 + rnd.nextInt(last);
        return switch (kind) {
            case WRONG_TYPE, MISSING_FIELD -> fieldCase(i, kind, e, page, rnd);
            case TRUNCATED -> {
                Tape t = tape(e, page);
                int cut = rnd.nextInt(t.body().length());
                yield new Case(i, kind, e, "page " + page + " cut to " + cut + " of " + t.body().length() + " characters",
                        (p, nth, r) -> p == page ? response(t).body(t.body().substring(0, cut)).build() : null);
            }
            case HTML_BODY -> {
                int status = pick(rnd, 200, 200, 200, 401, 403, 404, 500, 502, 503);
                String body = rnd.nextBoolean() ? HTML : "\n  " + HTML.toLowerCase();
                yield new Case(i, kind, e, "every answer an HTML page with status " + status, (p, nth, r) -> new MockResponse.Builder().code(status)
                        .addHeader("Content-Type", "text/html; charset=utf-8").body(body).build());
            }
            case BAD_HEADER -> headerCase(i, e, page, rnd);
            case REPEATED_PAGES -> repeatedCase(i, e, rnd);
            case ENDLESS_PAGES -> endlessCase(i, e, rnd);
            case ERROR_STATUS -> errorCase(i, e, rnd);
            case SLOW -> new Case(i, kind, e, "every answer takes 20 s", (p, nth, r) -> {
                clock.advance(Duration.ofSeconds(20));
                return null;
            });
            case REFUSED -> {
                Supplier<MockResponse> refusal = e == Endpoint.TOKEN
                        ? () -> json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")
                        : List.<Supplier<MockResponse>>of(
                                () -> json(403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"App is not connected to this company\"}}"),
                                () -> json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Not found\"}}"),
                                () -> json(401, "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid\"}")).get(rnd.nextInt(3));
                MockResponse sample = refusal.get();
                yield new Case(i, kind, e, "Procore refuses with " + sample.getCode(), (p, nth, r) -> refusal.get());
            }
            case RECOVERS -> recoversCase(i, e, rnd);
        };
    }

    static int pick(Random rnd, int... values) { return values[rnd.nextInt(values.length)]; }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** A field a check reads: its object, its name, and whether Procore always sends it. */
    record Slot(ObjectNode parent, String field, boolean required, String where) {}

    private static List<Slot> slots(Endpoint e, JsonNode root) {
        List<Slot> out = new ArrayList<>();
        switch (e) {
            case TOKEN -> {
                out.add(new Slot((ObjectNode) root, "access_token", true, "access_token"));
                out.add(new Slot((ObjectNode) root, "expires_in", false, "expires_in"));
            }
            case ME -> {
                for (String f : List.of("id", "name")) out.add(new Slot((ObjectNode) root, f, true, f));
                out.add(new Slot((ObjectNode) root, "login", false, "login"));
            }
            case COMPANIES, PROJECTS -> {
                for (int i = 0; i < root.size(); i++) {
                    ObjectNode item = (ObjectNode) root.get(i);
                    for (String f : List.of("id", "name")) out.add(new Slot(item, f, true, "item " + i + "." + f));
                    for (String f : e == Endpoint.COMPANIES ? List.of("is_active") : List.of("display_name", "project_number", "active")) {
                        out.add(new Slot(item, f, false, "item " + i + "." + f));
                    }
                }
            }
            case PERMISSIONS -> {
                out.add(new Slot((ObjectNode) root, "tools", true, "tools"));
                for (int i = 0; i < root.get("tools").size(); i++) {
                    ObjectNode tool = (ObjectNode) root.get("tools").get(i);
                    out.add(new Slot(tool, "name", true, "tool " + i + ".name"));
                    out.add(new Slot(tool, "user_access_level", true, "tool " + i + ".user_access_level"));
                    out.add(new Slot(tool, "friendly_name", false, "tool " + i + ".friendly_name"));
                    out.add(new Slot(tool, "id", false, "tool " + i + ".id"));
                    ObjectNode level = (ObjectNode) tool.get("user_access_level");
                    out.add(new Slot(level, "name", true, "tool " + i + ".user_access_level.name"));
                    out.add(new Slot(level, "id", false, "tool " + i + ".user_access_level.id"));
                }
            }
        }
        return out;
    }

    static String type(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isIntegralNumber()) return "whole";
        return n.getNodeType().toString();
    }

    private Case fieldCase(int i, Kind kind, Endpoint e, int page, Random rnd) {
        Tape t = tape(e, page);
        JsonNode root;
        try {
            root = JSON.readTree(t.body());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        List<Slot> all = slots(e, root).stream().filter(s -> kind == Kind.WRONG_TYPE || s.required()).toList();
        Slot s = all.get(rnd.nextInt(all.size()));
        String what;
        if (kind == Kind.WRONG_TYPE) {
            JsonNode was = s.parent().get(s.field());
            List<JsonNode> wrong = new ArrayList<>(List.of(TextNode.valueOf("x7"), IntNode.valueOf(12345), BooleanNode.TRUE,
                    JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(), DoubleNode.valueOf(1.5)));
            wrong.removeIf(n -> type(n).equals(type(was)));
            JsonNode now = wrong.get(rnd.nextInt(wrong.size()));
            s.parent().set(s.field(), now);
            what = "page " + page + " " + s.where() + ": " + type(was) + " -> " + type(now);
        } else if (rnd.nextBoolean()) {
            s.parent().remove(s.field());
            what = "page " + page + " " + s.where() + " removed";
        } else {
            s.parent().putNull(s.field());
            what = "page " + page + " " + s.where() + " null";
        }
        String body = root.toString();
        return new Case(i, kind, e, what, (p, nth, r) -> p == page ? response(t).body(body).build() : null);
    }

    private Case headerCase(int i, Endpoint e, int page, Random rnd) {
        Tape t = tape(e, page);
        int last = pages.getOrDefault(e, 1);
        List<String[]> options = new ArrayList<>();            // header and value (null: header removed)
        for (String ct : List.of("text/html; charset=utf-8", "text/plain", "application/xml")) options.add(new String[] {"Content-Type", ct});
        if (e.list()) {
            int total = Integer.parseInt(t.headers().get("Total"));
            for (String v : List.of("abc", "-3", "", "1e3", "25.5", String.valueOf(total + 1 + rnd.nextInt(50)), String.valueOf(total - 1))) {
                options.add(new String[] {"Total", v});
            }
            for (String v : List.of("0", "x", "-1", "")) options.add(new String[] {"Per-Page", v});
            if (last > 1) for (String v : List.of("3", "9", "11", "50")) options.add(new String[] {"Per-Page", v});
            String next = page < last ? "<" + pageUrl(e, page + 1) + ">; rel=\"next\"" : "";
            for (String v : List.of("nonsense", "<>; rel=\"next\"", "<not a url>; rel=\"next\"",
                    "<http://evil.example" + e.path + "?page=" + (page + 1) + ">; rel=\"next\"",
                    "<" + pageUrl(e, 1) + ">; rel=\"first\", <" + pageUrl(e, last + 1 + rnd.nextInt(5)) + ">; rel=\"last\"" + (next.isEmpty() ? "" : ", " + next))) {
                options.add(new String[] {"Link", v});
            }
            if (page < last) options.add(new String[] {"Link", null});
        }
        String[] o = options.get(rnd.nextInt(options.size()));
        String name = o[0];
        String value = o[1];
        return new Case(i, Kind.BAD_HEADER, e, "page " + page + " " + name + ": " + (value == null ? "(removed)" : "'" + value + "'"),
                (p, nth, r) -> p == page ? response(t, name, value).build() : null);
    }

    private Case repeatedCase(int i, Endpoint e, Random rnd) {
        int last = pages.get(e);
        int k = 1 + rnd.nextInt(last);
        if (last == 1 || rnd.nextBoolean()) {
            int j = 1 + rnd.nextInt(k);
            Tape t = tape(e, k);
            String link = "<" + pageUrl(e, 1) + ">; rel=\"first\", <" + pageUrl(e, j) + ">; rel=\"next\", <" + pageUrl(e, last) + ">; rel=\"last\"";
            return new Case(i, Kind.REPEATED_PAGES, e, "page " + k + "'s next link points back to page " + j,
                    (p, nth, r) -> p == k ? response(t, "Link", link).build() : null);
        }
        int j = 1 + (k - 1 + 1 + rnd.nextInt(last - 1)) % last;       // another page
        Tape t = tape(e, k);
        Tape other = tape(e, j);
        return new Case(i, Kind.REPEATED_PAGES, e, "page " + k + " repeats page " + j + "'s items",
                (p, nth, r) -> p == k ? response(t).body(other.body()).build() : null);
    }

    private Case endlessCase(int i, Endpoint e, Random rnd) {
        int last = pages.get(e);
        boolean strip = rnd.nextBoolean();
        int variant = rnd.nextInt(3);                      // fresh items, the last page again, or nothing
        Tape lastPage = tape(e, last);
        return new Case(i, Kind.ENDLESS_PAGES, e, "next links go on past page " + last + (strip ? " with no Total, Per-Page or rel=last" : "")
                + (variant == 0 ? ", fresh items" : variant == 1 ? ", the last page again" : ", empty pages"), (p, nth, r) -> {
            Tape t = p <= last ? tape(e, p) : lastPage;
            String body = p <= last ? t.body() : variant == 1 ? lastPage.body() : variant == 2 ? "[]" : fresh(e, p);
            String link = "<" + pageUrl(e, 1) + ">; rel=\"first\", <" + pageUrl(e, p + 1) + ">; rel=\"next\""
                    + (strip ? "" : ", <" + pageUrl(e, last) + ">; rel=\"last\"");
            MockResponse.Builder b = response(t, "Link", link).body(body);
            if (strip) b.removeHeader("Total").removeHeader("Per-Page");
            return b.build();
        });
    }

    static String fresh(Endpoint e, int page) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int k = 0; k < PER_PAGE; k++) {
            ObjectNode o = a.addObject().put("id", 9_000_000_000L + page * 100L + k).put("name", "Endless " + page + "-" + k);
            if (e == Endpoint.PROJECTS) o.put("active", true);
        }
        return a.toString();
    }

    private Case errorCase(int i, Endpoint e, Random rnd) {
        int v = rnd.nextInt(8);
        int retryAfter = v == 2 ? 1 + rnd.nextInt(30) : 1 + rnd.nextInt(7200);
        String what = switch (v) {
            case 0 -> "every answer 500 with Procore's error JSON";
            case 1 -> "every answer 502 in plain text";
            case 2 -> "every answer 503, Retry-After " + retryAfter;
            case 3 -> "every answer 429, Retry-After " + retryAfter;
            case 4 -> "every answer 429 without rate-limit headers";
            case 5 -> "every answer 400 with Procore's errors JSON";
            case 6 -> "every answer 422";
            default -> "every connection dropped before the answer";
        };
        return new Case(i, Kind.ERROR_STATUS, e, what, (p, nth, r) -> switch (v) {
            case 0 -> json(500, "{\"error\":{\"code\":\"internal\",\"message\":\"Something went wrong\"}}");
            case 1 -> new MockResponse.Builder().code(502).addHeader("Content-Type", "text/plain").body("Bad Gateway").build();
            case 2 -> json(503, "{\"error\":{\"message\":\"busy\"}}").newBuilder().addHeader("Retry-After", retryAfter).build();
            case 3 -> new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter).body("Rate Limit Exceeded").build();
            case 4 -> new MockResponse.Builder().code(429).body("Rate Limit Exceeded").build();
            case 5 -> json(400, "{\"errors\":{\"per_page\":[\"is invalid\"]}}");
            case 6 -> json(422, "{\"error\":{\"message\":\"Unprocessable\"}}");
            default -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        });
    }

    private Case recoversCase(int i, Endpoint e, Random rnd) {
        int v = e == Endpoint.TOKEN ? pick(rnd, 1, 4, 5) : rnd.nextInt(7);
        int page = 1 + rnd.nextInt(pages.getOrDefault(e, 1));
        Tape t = tape(e, page);
        String what = switch (v) {
            case 0 -> "the first answer is a 500";
            case 1 -> "the first answer is a 429, Retry-After 3";
            case 2 -> "the first answer is a 503, Retry-After 2";
            case 3 -> "the first connection drops";
            case 4 -> "the first answer takes 3 s";
            case 5 -> "rate-limit headers that are not numbers";
            default -> "extra fields nobody reads";
        };
        return new Case(i, Kind.RECOVERS, e, what + " (page " + page + ")", (p, nth, r) -> {
            if (p != page) return null;
            return switch (v) {
                case 0 -> nth == 1 ? json(500, "{\"error\":{\"message\":\"hiccup\"}}") : null;
                case 1 -> nth == 1 ? new MockResponse.Builder().code(429).addHeader("Retry-After", 3).body("Rate Limit Exceeded").build() : null;
                case 2 -> nth == 1 ? json(503, "{}").newBuilder().addHeader("Retry-After", 2).build() : null;
                case 3 -> nth == 1 ? new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build() : null;
                case 4 -> {
                    if (nth == 1) clock.advance(Duration.ofSeconds(3));
                    yield null;
                }
                case 5 -> response(t).addHeader("X-Rate-Limit-Remaining", "lots").addHeader("X-Rate-Limit-Reset", "soon").build();
                default -> response(t).body(extraFields(t.body())).build();
            };
        });
    }

    static String extraFields(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n.isObject()) ((ObjectNode) n).put("surprise_field", "ignored").putObject("nested_surprise").put("x", 1);
            if (n.isArray()) n.forEach(o -> ((ObjectNode) o).put("surprise_field", 42));
            return n.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replay must be able to fail: an untouched run passes, and a mangled one is caught. */
    @Test
    public void theReplayPassesUntouchedAndCatchesAMangledAnswer() {
        List<Check> good = Verification.run(client(), ui, null, ONE_AT_A_TIME);
        for (Check c : good) assertEquals(c.verdict(), Verdict.PASS, VerificationTable.text(good));
        current = new Case(-1, Kind.MISSING_FIELD, Endpoint.PERMISSIONS, "no tools", (p, nth, r) -> json(200, "{}"));
        try {
            List<Check> bad = Verification.run(client(), ui, null, ONE_AT_A_TIME);
            assertEquals(bad.get(3).verdict(), Verdict.COULD_NOT_CHECK, VerificationTable.text(bad));
            assertTrue(judge(new Case(-1, Kind.RECOVERS, Endpoint.PERMISSIONS, "", null), bad, 1) != null, "the judge sees it");
        } finally {
            current = null;
        }
    }
}
