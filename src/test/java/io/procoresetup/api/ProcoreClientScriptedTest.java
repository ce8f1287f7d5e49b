package io.procoresetup.api;

import io.procoresetup.secrets.Secret;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** The client against okhttp's MockWebServer, where a scripted sequence of answers is needed. */
public class ProcoreClientScriptedTest {
    static final String SECRET = "s3cr3t-client-secret-value-0123456789";
    private MockWebServer server;
    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) { this.now = now; }

        void advance(Duration d) { now = now.plus(d); }

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    static {
        // the client's call log on, so the test below can read it (slf4j-simple fixes a logger's level when it is made)
        System.setProperty("org.slf4j.simpleLogger.log.procore.api", "debug");
    }

    @BeforeMethod
    public void start() throws Exception {
        server = new MockWebServer();
        server.start();
        pauses.clear();
    }

    @AfterMethod(alwaysRun = true)
    public void stop() { server.close(); }

    private ProcoreClient client() {
        ProcoreClient.Options o = ProcoreClient.Options.defaults().with((Backoff) pauses::add).with(clock);
        return new ProcoreClient(server.url("/").toString(), server.url("/").toString(), 562949953421312L, "client-id", Secret.of(SECRET), o);
    }

    private static MockResponse token(String value, long expiresIn) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + ",\"created_at\":1}").build();
    }

    private static MockResponse me() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":5000000001,\"login\":\"sa@example.com\",\"name\":\"laborchart-integration-Granite\"}").build();
    }

    @Test
    public void tokenIsRenewedBeforeItExpires() throws Exception {
        server.enqueue(token("token-A-0000000000000000", 120));
        server.enqueue(me());
        server.enqueue(token("token-B-0000000000000000", 120));
        server.enqueue(me());
        ProcoreClient c = client();
        assertEquals(c.me().id(), 5_000_000_001L);
        clock.advance(Duration.ofSeconds(70));            // 50 s left: inside the renewal margin
        c.me();
        assertEquals(c.tokensIssued(), 2);
        List<String> auth = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r.getUrl().encodedPath().equals("/rest/v1.0/me")) auth.add(r.getHeaders().get("Authorization"));
        }
        assertEquals(auth, List.of("Bearer token-A-0000000000000000", "Bearer token-B-0000000000000000"));
    }

    @Test
    public void racingThreadsCauseOneRenewal() throws Exception {
        AtomicInteger tokenCalls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getUrl().encodedPath().equals("/oauth/token")) return token("token-" + tokenCalls.incrementAndGet() + "-000000000000", 5400);
                return me();
            }
        });
        ProcoreClient c = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) fs.add(pool.submit(() -> { go.await(); return c.me(); }));
        go.countDown();
        for (Future<?> f : fs) f.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(tokenCalls.get(), 1);
    }

    @Test
    public void waitsForRetryAfterOn429() {
        server.enqueue(token("token-A-0000000000000000", 5400));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("Rate Limit Exceeded").build());
        server.enqueue(me());
        ProcoreClient c = client();
        assertEquals(c.me().name(), "laborchart-integration-Granite");
        assertEquals(pauses, List.of(Duration.ofSeconds(2)));
        assertEquals(c.stats().rateLimited.get(), 1);
    }

    @Test
    public void waitsForTheResetHeaderWhenThereIsNoRetryAfter() {
        server.enqueue(token("token-A-0000000000000000", 5400));
        long reset = clock.instant().getEpochSecond() + 7;
        server.enqueue(new MockResponse.Builder().code(429).addHeader("X-Rate-Limit-Limit", "25").addHeader("X-Rate-Limit-Remaining", "0")
                .addHeader("X-Rate-Limit-Reset", String.valueOf(reset)).body("Rate Limit Exceeded").build());
        server.enqueue(me());
        client().me();
        assertEquals(pauses, List.of(Duration.ofSeconds(7)));
    }

    @Test
    public void slowsDownWhenRemainingRunsLow() {
        server.enqueue(token("token-A-0000000000000000", 5400));
        long reset = clock.instant().getEpochSecond() + 30;
        server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Rate-Limit-Remaining", "2")
                .addHeader("X-Rate-Limit-Reset", String.valueOf(reset)).body("{\"id\":1,\"login\":\"a\",\"name\":\"b\"}").build());
        client().me();
        assertEquals(pauses, List.of(Duration.ofSeconds(10)), "30 s to the reset spread over the 2 requests left");
    }

    @Test
    public void honoursRetryAfterOn503() {
        server.enqueue(token("token-A-0000000000000000", 5400));
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3").body("busy").build());
        server.enqueue(me());
        ProcoreClient c = client();
        c.me();
        assertEquals(pauses, List.of(Duration.ofSeconds(3)));
        assertEquals(c.stats().retries.get(), 1);
    }

    @Test
    public void retriesADroppedConnectionAndGivesUpAfterThreeTries() {
        server.enqueue(token("token-A-0000000000000000", 5400));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(me());
        ProcoreClient c = client();
        assertEquals(c.me().id(), 5_000_000_001L);
        assertEquals(c.stats().retries.get(), 1);
        for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build());
        ProcoreApiException e = expectThrows(ProcoreApiException.class, c::me);
        assertEquals(e.kind(), ProcoreApiException.Kind.SERVER);
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    public void everyRequestCarriesTheCompanyHeader() throws Exception {
        ConcurrentLinkedQueue<RecordedRequest> seen = new ConcurrentLinkedQueue<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                seen.add(r);
                if (r.getUrl().encodedPath().equals("/oauth/token")) return token("token-A-0000000000000000", 5400);
                if (r.getUrl().encodedPath().equals("/rest/v1.0/projects")) {
                    String page = r.getUrl().queryParameter("page");
                    if (page == null) {
                        return new MockResponse.Builder().code(200).addHeader("Link", "<" + server.url("/rest/v1.0/projects?page=2&per_page=1000")
                                + ">; rel=\"next\"").body("[{\"id\":1,\"name\":\"A\",\"active\":true,\"extra_field\":{\"x\":1}}]").build();
                    }
                    return new MockResponse.Builder().code(200).body("[{\"id\":6000000000,\"name\":\"B\",\"active\":true}]").build();
                }
                if (r.getUrl().encodedPath().equals("/rest/v1.0/settings/permissions")) {
                    return new MockResponse.Builder().code(200).body("{\"tools\":[{\"id\":1,\"name\":\"directory\",\"friendly_name\":\"Directory\","
                            + "\"user_access_level\":{\"id\":3,\"name\":\"Standard\"}}]}").build();
                }
                return me();
            }
        });
        ProcoreClient c = client();
        c.me();
        assertEquals(c.projects("Active").stream().map(Dto.Project::id).toList(), List.of(1L, 6_000_000_000L));
        c.permissions();
        List<RecordedRequest> api = seen.stream().filter(r -> r.getUrl().encodedPath().startsWith("/rest/")).toList();
        assertEquals(api.size(), 4);
        for (RecordedRequest r : api) assertEquals(r.getHeaders().get("Procore-Company-Id"), "562949953421312", r.getTarget());
    }

    @Test
    public void typedErrorsCarryProcoresMessage() {
        server.enqueue(token("token-A-0000000000000000", 5400));
        server.enqueue(new MockResponse.Builder().code(403).body("{\"error\":{\"code\":\"forbidden\",\"message\":\"App is not connected to this company\"}}").build());
        ProcoreApiException e = expectThrows(ProcoreApiException.class, () -> client().me());
        assertEquals(e.kind(), ProcoreApiException.Kind.FORBIDDEN);
        assertEquals(e.procoreMessage(), "App is not connected to this company");
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}").build());
        ProcoreApiException auth = expectThrows(ProcoreApiException.class, () -> client().me());
        assertEquals(auth.kind(), ProcoreApiException.Kind.AUTHENTICATION);
        assertTrue(auth.getMessage().contains("Client authentication failed"));
    }

    @Test
    public void noSecretOrTokenInLogsOrErrors() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String messages;
        try {
            server.enqueue(token("tok-visible-nowhere-0123456789", 5400));
            server.enqueue(me());
            server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"token tok-visible-nowhere-0123456789 secret "
                    + SECRET + "\"}}").build());
            ProcoreClient c = client();
            c.me();
            messages = expectThrows(ProcoreApiException.class, c::permissions).getMessage();
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("GET /rest/v1.0/me -> 200"), "the client logged its calls: " + log);
        for (String text : List.of(log, messages)) {
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains("tok-visible-nowhere-0123456789"), text);
            assertFalse(text.contains("Authorization"), text);
        }
    }

    /** The simulator's plain HTTP sets up no TLS; any https URL (Procore's) keeps it. */
    @Test
    public void tlsOnlyWhereAUrlNeedsIt() {
        assertEquals(ProcoreClient.wire("http://127.0.0.1:1", "http://127.0.0.1:2/rest").build().connectionSpecs(),
                List.of(okhttp3.ConnectionSpec.CLEARTEXT));
        assertTrue(ProcoreClient.wire("http://127.0.0.1:1", "https://api.procore.com").build().connectionSpecs().stream()
                .anyMatch(okhttp3.ConnectionSpec::isTls), "https keeps TLS");
        assertTrue(ProcoreClient.wire("https://login.procore.com", "https://api.procore.com").build().sslSocketFactory() != null);
    }
}
