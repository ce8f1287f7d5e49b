package io.procoresetup.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.secrets.Secret;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Procore's REST API for one service account in one company: token cached and renewed, company header
 * on every call, Link-following pagination at the largest page size, rate limits, bounded retries.
 */
public final class ProcoreClient {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    /** Largest per_page of the v1.0 list endpoints the harness uses. */
    public static final int MAX_PER_PAGE = 1000;

    /** Tunables; the defaults suit Procore's documented limits. */
    public record Options(Backoff backoff, Clock clock, int retries, Duration retryBase, int rateLimitTries, Duration maxWait,
                          int lowWater, Duration timeout) {
        public static Options defaults() {
            return new Options(Backoff.REAL, Clock.systemUTC(), 3, Duration.ofMillis(250), 5, Duration.ofSeconds(90), 2,
                    Duration.ofSeconds(30));
        }

        public Options with(Backoff b) { return new Options(b, clock, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout); }

        public Options with(Clock c) { return new Options(backoff, c, retries, retryBase, rateLimitTries, maxWait, lowWater, timeout); }
    }

    private final OkHttpClient http;
    private final HttpUrl api;
    private final long companyId;
    private final TokenProvider tokens;
    private final RequestStats stats = new RequestStats();
    private final ObjectMapper json = new ObjectMapper();

    public ProcoreClient(String loginUrl, String apiUrl, long companyId, String clientId, Secret secret, Options o) {
        this.api = HttpUrl.get(apiUrl);
        this.companyId = companyId;
        OkHttpClient base = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .callTimeout(o.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .addNetworkInterceptor(Interceptors.log(stats)).build();
        this.tokens = new TokenProvider(base, HttpUrl.get(loginUrl).resolve("/oauth/token").toString(), clientId, secret, o.clock(), json);
        this.http = base.newBuilder()
                .addInterceptor(Interceptors.retry(o.backoff(), o.clock(), stats, o.retries(), o.retryBase()))
                .addInterceptor(Interceptors.rateLimit(o.backoff(), o.clock(), stats, o.lowWater(), o.rateLimitTries(), o.maxWait()))
                .addInterceptor(Interceptors.companyHeader(companyId))
                .addInterceptor(Interceptors.auth(tokens))
                .build();
    }

    public RequestStats stats() { return stats; }

    /** Asks for a token now (check 1); returns how long it is valid. */
    public Duration tokenLifetime() {
        tokens.token();
        return tokens.remaining();
    }

    public int tokensIssued() { return tokens.issued(); }

    public Dto.Me me() { return get("/rest/v1.0/me", Map.of(), json.constructType(Dto.Me.class)); }

    public List<Dto.Company> companies() { return all("/rest/v1.0/companies", Map.of(), 100, Dto.Company.class); }

    /** The projects this account can see; for a non-admin account, exactly the ones it belongs to. */
    public List<Dto.Project> projects(String status) {
        return all("/rest/v1.0/projects", Map.of("company_id", String.valueOf(companyId), "filters[by_status]", status),
                MAX_PER_PAGE, Dto.Project.class);
    }

    public Dto.Permissions permissions() {
        return get("/rest/v1.0/settings/permissions", Map.of("company_id", String.valueOf(companyId)),
                json.constructType(Dto.Permissions.class));
    }

    /** Every page of a list, following Link rel="next". */
    public <T> List<T> all(String path, Map<String, String> query, int perPage, Class<T> type) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
        HttpUrl.Builder first = api.newBuilder().encodedPath(path);
        query.forEach(first::addQueryParameter);
        first.addQueryParameter("per_page", String.valueOf(perPage));
        List<T> out = new ArrayList<>();
        HttpUrl next = first.build();
        while (next != null) {
            Page<T> page = call(next, listType);
            out.addAll(page.items());
            next = page.next() == null ? null : HttpUrl.parse(page.next());
        }
        return out;
    }

    private <T> T get(String path, Map<String, String> query, JavaType type) {
        HttpUrl.Builder u = api.newBuilder().encodedPath(path);
        query.forEach(u::addQueryParameter);
        Page<T> p = call(u.build(), type);
        return p.items().get(0);
    }

    private record Page<T>(List<T> items, String next) {}

    @SuppressWarnings("unchecked")
    private <T> Page<T> call(HttpUrl url, JavaType type) {
        String label = "GET " + url.encodedPath();
        try (Response resp = http.newCall(new Request.Builder().url(url).build()).execute()) {
            String body = resp.body().string();
            stats.bytes.addAndGet(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            if (!resp.isSuccessful()) {
                throw new ProcoreApiException(ProcoreApiException.kindOf(resp.code()), resp.code(), label, message(body));
            }
            Object value = json.readValue(body, type);
            String next = null;
            String link = resp.header("Link");
            if (link != null) {
                Matcher m = NEXT.matcher(link);
                if (m.find()) next = m.group(1);
            }
            return new Page<>(value instanceof List<?> l ? (List<T>) l : List.of((T) value), next);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProcoreApiException(ProcoreApiException.Kind.SERVER, 0, label, "the answer is not the JSON Procore sends ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ProcoreApiException(ProcoreApiException.Kind.NETWORK, 0, label,
                    "no answer from " + url.host() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Procore's message from any of its error shapes, else the text itself. */
    String message(String body) {
        try {
            var node = json.readTree(body);
            if (node.path("error").isObject()) return node.path("error").path("message").asText(body);
            if (node.path("error").isTextual()) return node.path("error").asText() + ": " + node.path("error_description").asText("");
            if (node.has("errors")) return node.get("errors").toString();
        } catch (IOException ignored) {
            // plain text (e.g. some 429s)
        }
        return Redactor.global().redact(body.length() > 300 ? body.substring(0, 300) : body);
    }
}
