package io.procoresetup.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.secrets.Secret;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Procore's REST API for one service account in one company: token cached and renewed, company header
 * on every call, Link-following pagination at the largest page size, rate limits, bounded retries.
 * Every call ends: a read timeout per request, one deadline for the client's whole life, and lists that
 * stop at the page count the server's own headers imply.
 */
public final class ProcoreClient {
    private static final Pattern LINK = Pattern.compile("\\s*<([^>]*)>\\s*((?:;\\s*[^;,]+)*)\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]+)\"?");
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "procore-api-waiting");
        t.setDaemon(true);
        return t;
    });
    /** Largest per_page of the v1.0 list endpoints the harness uses. */
    public static final int MAX_PER_PAGE = 1000;
    /** Pages read when the server gives neither Total/Per-Page nor rel="last": 100,000 items at per_page 1,000. */
    public static final int MAX_PAGES_UNANNOUNCED = 100;

    /**
     * Tunables; the defaults suit Procore's documented limits. {@code timeout} is the read timeout of one
     * request, {@code deadline} the time the whole client may take, {@code notices} hears every wait.
     */
    public record Options(Backoff backoff, Clock clock, int retries, Duration retryBase, int rateLimitTries, Duration maxWait,
                          int lowWater, Duration timeout, Duration deadline, Consumer<String> notices, int maxPages, OkHttpClient http) {
        public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);

        public static Options defaults() {
            return new Options(Backoff.REAL, Clock.systemUTC(), 3, Duration.ofMillis(250), 5, Duration.ofSeconds(90), 2,
                    Duration.ofSeconds(30), DEFAULT_DEADLINE, line -> { }, MAX_PAGES_UNANNOUNCED, null);
        }

        public Options with(Backoff b) { return new Options(b, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout, deadline, notices, maxPages, http); }

        public Options with(Clock c) { return new Options(backoff, c, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout, deadline, notices, maxPages, http); }

        public Options withTimeout(Duration t) { return new Options(backoff, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, t, deadline, notices, maxPages, http); }

        public Options withDeadline(Duration d) { return new Options(backoff, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout, d, notices, maxPages, http); }

        public Options withNotices(Consumer<String> n) { return new Options(backoff, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout, deadline, n, maxPages, http); }

        public Options withMaxPages(int m) { return new Options(backoff, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout, deadline, notices, m, http); }

        /** Shares this client's connection pool and threads (many short-lived clients in one test). */
        public Options withHttp(OkHttpClient h) { return new Options(backoff, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout, deadline, notices, maxPages, h); }
    }

    private final OkHttpClient http;
    private final HttpUrl api;
    private final long companyId;
    private final TokenProvider tokens;
    private final RequestStats stats = new RequestStats();
    private final Deadline deadline;
    private final Options options;
    private final Consumer<String> say;

    public ProcoreClient(String loginUrl, String apiUrl, long companyId, String clientId, Secret secret, Options o) {
        this.api = HttpUrl.get(apiUrl);
        this.companyId = companyId;
        this.options = o;
        this.deadline = new Deadline(o.clock(), o.deadline());
        this.say = line -> o.notices().accept(Redactor.global().redact(line));
        Interceptors.Waits waits = new Interceptors.Waits(o.backoff(), o.clock(), stats, deadline, say);
        OkHttpClient base = (o.http() == null ? wire(loginUrl, apiUrl).build() : o.http()).newBuilder().retryOnConnectionFailure(false)
                .connectTimeout(o.timeout()).readTimeout(o.timeout()).writeTimeout(o.timeout()).callTimeout(Duration.ZERO)
                .addNetworkInterceptor(Interceptors.log(stats)).build();
        OkHttpClient tokenHttp = base.newBuilder()
                .addInterceptor(Interceptors.rateLimit(waits, o.lowWater(), o.rateLimitTries(), o.maxWait())).build();
        this.tokens = new TokenProvider(tokenHttp, HttpUrl.get(loginUrl).resolve("/oauth/token").toString(), clientId, secret, deadline);
        this.http = base.newBuilder()
                .addInterceptor(Interceptors.retry(waits, o.retries(), o.retryBase()))
                .addInterceptor(Interceptors.rateLimit(waits, o.lowWater(), o.rateLimitTries(), o.maxWait()))
                .addInterceptor(Interceptors.companyHeader(companyId))
                .addInterceptor(Interceptors.auth(tokens))
                .build();
    }

    /**
     * A new connection pool for these URLs: plain HTTP only when none needs TLS (the simulator), since a TLS-capable
     * client loads the JDK's trust store when it is built (about 0.2 s of CPU, measured; README "Performance").
     */
    public static OkHttpClient.Builder wire(String... urls) {
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        for (String u : urls) if (HttpUrl.get(u).isHttps()) return b;
        return b.connectionSpecs(List.of(okhttp3.ConnectionSpec.CLEARTEXT)).followSslRedirects(false);     // an https redirect is its 3xx
    }

    public RequestStats stats() { return stats; }

    /**
     * The deadline counts from now: the cross-check's start, for a client made earlier to ask its first questions while
     * the run waited (those asked already keep the time they had).
     */
    public void restartDeadline() { deadline.restart(); }

    /** Asks for a token now (check 1); returns how long it is valid, or empty when the answer gave no expiry. */
    public Optional<Duration> tokenLifetime() {
        tokens.token();
        return tokens.remaining();
    }

    public int tokensIssued() { return tokens.issued(); }

    public Dto.Me me() { return one("/rest/v1.0/me", Map.of(), Answers::me); }

    public List<Dto.Company> companies() { return all("/rest/v1.0/companies", Map.of(), 100, Answers::company); }

    /** The projects this account can see; for a non-admin account, exactly the ones it belongs to. */
    public List<Dto.Project> projects(String status) {
        return all("/rest/v1.0/projects", Map.of("company_id", String.valueOf(companyId), "filters[by_status]", status),
                MAX_PER_PAGE, Answers::project);
    }

    public Dto.Permissions permissions() {
        return one("/rest/v1.0/settings/permissions", Map.of("company_id", String.valueOf(companyId)), Answers::permissions);
    }

    /**
     * Every page of a list, following Link rel="next" only to a URL not read before, and no further than the
     * page count that Total/Per-Page or rel="last" imply (or {@link Options#maxPages} when the server says
     * neither). A list that breaks these rules is unusable, and the exception says what the server did.
     */
    <T> List<T> all(String path, Map<String, String> query, int perPage, BiFunction<JsonNode, String, T> read) {
        String label = "GET " + path;
        HttpUrl.Builder first = api.newBuilder().encodedPath(path);
        query.forEach(first::addQueryParameter);
        first.addQueryParameter("per_page", String.valueOf(perPage));
        List<T> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Long, Integer> ids = new HashMap<>();
        Long total = null;
        Long per = null;
        HttpUrl next = first.build();
        int pages = 0;
        while (next != null) {
            Integer again = seen.putIfAbsent(pageKey(next), pages + 1);
            if (again != null) {
                throw unusable(label, 200, "the server's Link rel=\"next\" after page " + pages + " pointed back to page " + again
                        + ", already read: the list would never end");
            }
            pages++;
            Answer a = call(next);
            JsonNode body = json(a, label);
            if (!body.isArray()) throw unusable(label, a.status, "page " + pages + " was " + Answers.describe(body) + ", not a list");
            for (int i = 0; i < body.size(); i++) {
                String where = " (page " + pages + ", item " + (i + 1) + ")";
                JsonNode item = body.get(i);
                T t;
                try {
                    t = read.apply(item, where);
                } catch (Answers.Malformed m) {
                    throw unusable(label, a.status, m.getMessage());
                }
                JsonNode id = item.get("id");
                if (id != null && id.isIntegralNumber()) {
                    Integer firstPage = ids.putIfAbsent(id.asLong(), pages);
                    if (firstPage != null) {
                        throw unusable(label, a.status, "id " + id.asLong() + " came twice (pages " + firstPage + " and " + pages
                                + "): the server repeated itself");
                    }
                }
                out.add(t);
            }
            Long pageTotal = header(a, "Total", label, 0);
            Long pagePer = header(a, "Per-Page", label, 1);
            if (pageTotal != null && total != null && !pageTotal.equals(total)) {
                throw unusable(label, a.status, "the Total header changed from " + total + " to " + pageTotal + " on page " + pages
                        + ": the list changed while it was read");
            }
            if (pageTotal != null) total = pageTotal;
            if (pagePer != null && per != null && !pagePer.equals(per)) {
                throw unusable(label, a.status, "the Per-Page header changed from " + per + " to " + pagePer + " on page " + pages);
            }
            if (pagePer != null) per = pagePer;
            Map<String, HttpUrl> links = links(a, label);
            next = links.get("next");
            if (next != null && !(next.scheme().equals(api.scheme()) && next.host().equals(api.host()) && next.port() == api.port())) {
                throw unusable(label, a.status, "the Link rel=\"next\" on page " + pages + " pointed to another server (" + next.host()
                        + "): not followed, the token stays with " + api.host());
            }
            int bound;
            String because;
            Integer last = links.containsKey("last") ? pageNumber(links.get("last")) : null;
            if (total != null) {
                long size = per != null ? per : perPage;
                bound = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
                because = "the " + bound + " page" + (bound == 1 ? "" : "s") + " its Total " + total + " / Per-Page " + size + " imply";
                if (last != null && last != bound) {
                    throw unusable(label, a.status, "the server's headers contradict each other on page " + pages + ": Total " + total
                            + " / Per-Page " + size + " imply " + bound + " page" + (bound == 1 ? "" : "s") + ", its rel=\"last\" names page " + last);
                }
            } else if (last != null) {
                bound = last;
                because = "page " + last + ", the one its rel=\"last\" names";
            } else {
                bound = options.maxPages();
                because = bound + " pages, the most the harness reads when the server gives no Total or rel=\"last\"";
            }
            if (next != null && pages >= bound) {
                throw unusable(label, a.status, "the server kept offering a next page after " + because
                        + ": the list cannot be trusted");
            }
            if (pagePer != null && (body.size() > pagePer || (next != null && body.size() != pagePer))) {
                throw unusable(label, a.status, "page " + pages + " held " + body.size() + " item" + (body.size() == 1 ? "" : "s")
                        + " but its Per-Page header said " + pagePer + (next != null ? " and it offered a next page" : ""));
            }
        }
        if (total != null && total != out.size()) {
            throw unusable(label, 200, "the server's Total header said " + total + " but its " + pages + " page" + (pages == 1 ? "" : "s")
                    + " held " + out.size());
        }
        return out;
    }

    private <T> T one(String path, Map<String, String> query, java.util.function.Function<JsonNode, T> read) {
        HttpUrl.Builder u = api.newBuilder().encodedPath(path);
        query.forEach(u::addQueryParameter);
        String label = "GET " + path;
        Answer a = call(u.build());
        try {
            return read.apply(json(a, label));
        } catch (Answers.Malformed m) {
            throw unusable(label, a.status, m.getMessage());
        }
    }

    private record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private static JsonNode json(Answer a, String label) {
        try {
            return Answers.parse(a.status, a.contentType, a.body);
        } catch (Answers.Malformed m) {
            throw unusable(label, a.status, m.getMessage());
        }
    }

    private static ProcoreApiException unusable(String label, int status, String what) {
        return new ProcoreApiException(ProcoreApiException.Kind.UNUSABLE, status, label, what);
    }

    /** One request, inside the deadline, said out loud while it is slow; a 2xx answer comes back whole. */
    private Answer call(HttpUrl url) {
        String label = "GET " + url.encodedPath();
        if (deadline.passed()) throw deadline.exceeded(label);
        Call c = http.newCall(new Request.Builder().url(url).build());
        c.timeout().timeout(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        long every = Math.max(100, Math.min(5_000, Math.min(options.timeout().toMillis() / 2, deadline.total().toMillis() / 4)));
        long t0 = System.nanoTime();
        ScheduledFuture<?> saying = TIMER.scheduleAtFixedRate(() -> say.accept("still waiting for Procore's answer to " + label
                + ": " + Interceptors.seconds(Duration.ofNanos(System.nanoTime() - t0)) + " so far (read timeout "
                + Interceptors.seconds(options.timeout()) + ", deadline in " + Interceptors.seconds(deadline.remaining()) + ")"),
                every, every, TimeUnit.MILLISECONDS);
        try (Response resp = c.execute()) {
            String body = resp.body().string();
            stats.bytes.addAndGet(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            if (deadline.passed()) throw deadline.exceeded(label);
            if (!resp.isSuccessful()) throw error(resp.code(), body, label, false);
            Map<String, List<String>> headers = new HashMap<>();
            resp.headers().toMultimap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            return new Answer(resp.code(), resp.header("Content-Type"), body, headers);
        } catch (Interceptors.GaveUp e) {
            throw e.failure;
        } catch (IOException e) {
            if (deadline.passed() || c.isCanceled()) throw deadline.exceeded(label);
            throw new ProcoreApiException(ProcoreApiException.Kind.NETWORK, 0, label, "no answer from " + url.host() + " ("
                    + e.getClass().getSimpleName() + (e instanceof java.net.SocketTimeoutException ? " after the read timeout of "
                    + Interceptors.seconds(options.timeout()) : "") + ")");
        } finally {
            saying.cancel(false);
        }
    }

    /** An error answer: Procore's own words when it spoke JSON or text; an HTML page is a proxy's or a maintenance page. */
    static ProcoreApiException error(int status, String body, String label, boolean tokenEndpoint) {
        if (Answers.looksLikeHtml(body)) {
            ProcoreApiException.Kind k = status >= 500 ? ProcoreApiException.Kind.SERVER
                    : status == 429 ? ProcoreApiException.Kind.RATE_LIMITED : ProcoreApiException.Kind.UNUSABLE;
            return new ProcoreApiException(k, status, label, "the answer was HTML, not JSON (status " + status + ")");
        }
        ProcoreApiException.Kind kind = tokenEndpoint && (status == 401 || status == 400 && oauthRefusal(body))
                ? ProcoreApiException.Kind.AUTHENTICATION : ProcoreApiException.kindOf(status);
        return new ProcoreApiException(kind, status, label, message(body));
    }

    /** OAuth's way of saying the credentials are wrong (RFC 6749, 5.2), as opposed to any other 400. */
    private static boolean oauthRefusal(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            String e = n == null ? "" : n.path("error").asText("");
            return e.equals("invalid_client") || e.equals("invalid_grant") || e.equals("unauthorized_client");
        } catch (IOException notJson) {
            return false;
        }
    }

    /** A header that must be a whole number at least {@code min} when present. */
    private static Long header(Answer a, String name, String label, long min) {
        String v = a.header(name);
        if (v == null) return null;
        Long n = Interceptors.number(v);
        if (n == null || n < min) {
            throw unusable(label, a.status, "the " + name + " header was '" + shorten(v) + "', not a whole number" + (min > 0 ? " of " + min + " or more" : ""));
        }
        return n;
    }

    /** Link: <url>; rel="next", ... read strictly: a header that cannot be read is not guessed at. */
    private static Map<String, HttpUrl> links(Answer a, String label) {
        Map<String, HttpUrl> out = new HashMap<>();
        String v = a.header("Link");
        if (v == null || v.isBlank()) return out;
        for (String part : v.split(",(?=\\s*<)")) {
            Matcher m = LINK.matcher(part);
            if (!m.matches()) throw unusable(label, a.status, "the Link header could not be read: '" + shorten(v) + "'");
            Matcher rel = REL.matcher(m.group(2));
            if (!rel.find()) continue;
            HttpUrl u = HttpUrl.parse(m.group(1).strip());
            for (String r : rel.group(1).strip().split("\\s+")) {
                if (u == null && (r.equals("next") || r.equals("last"))) {
                    throw unusable(label, a.status, "the Link header's rel=\"" + r + "\" was not a URL: '" + shorten(m.group(1)) + "'");
                }
                if (u != null) out.putIfAbsent(r, u);
            }
        }
        return out;
    }

    /** The same page whatever the order or encoding of its query; no page parameter is page 1. */
    private static String pageKey(HttpUrl u) {
        Map<String, List<String>> q = new TreeMap<>();
        for (String n : u.queryParameterNames()) q.put(n, u.queryParameterValues(n));
        q.putIfAbsent("page", List.of("1"));
        return u.host() + ":" + u.port() + u.encodedPath() + q;
    }

    private static Integer pageNumber(HttpUrl u) {
        Long n = Interceptors.number(u.queryParameter("page"));
        return n == null || n < 1 || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    private static String shorten(String s) { return s.length() > 120 ? s.substring(0, 120) + "…" : s; }

    /** Procore's message from any of its error shapes, else the text itself. */
    static String message(String body) {
        try {
            var node = JSON.readTree(body);
            if (node != null && node.path("error").isObject()) return node.path("error").path("message").asText(body);
            if (node != null && node.path("error").isTextual()) return node.path("error").asText() + ": " + node.path("error_description").asText("");
            if (node != null && node.has("errors")) return node.get("errors").toString();
        } catch (IOException ignored) {
            // plain text (e.g. some 429s)
        }
        String t = body == null || body.isBlank() ? "(no text)" : body.strip();
        return Redactor.global().redact(t.length() > 300 ? t.substring(0, 300) : t);
    }

}
