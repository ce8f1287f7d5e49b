package io.procoresetup.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procoresetup.sim.SimServer;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A simulator for one test class, reached only over HTTP, with helpers for its control API and pages. */
public final class Sim implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    public final SimServer server;
    public final OkHttpClient http;

    public Sim(SimServer.Options options) {
        this.server = SimServer.start(options.withControl(true));
        String token = server.controlToken();
        this.http = new OkHttpClient.Builder().followRedirects(false).addInterceptor(chain -> chain.proceed(
                chain.request().url().encodedPath().startsWith("/__control")
                        ? chain.request().newBuilder().header("X-Control-Token", token).build() : chain.request())).build();
    }

    /** The environment that lets a harness process use this simulator's control API (its cross-check's probe project). */
    public java.util.Map<String, String> controlEnv() { return java.util.Map.of("PROCORE_SIM_CONTROL_TOKEN", server.controlToken()); }

    public Sim() { this("classic"); }

    /** A simulator serving one of its web UIs: "classic" (the guide's pages) or "current" (built like Procore's current web app). */
    public Sim(String ui) { this(SimServer.Options.defaults().withAddAllMillisPerProject(2).withUi(ui)); }

    /** The web UIs every end-to-end suite runs against. */
    public static final List<String> UIS = SimServer.UIS;

    public String ui() { return server.ui(); }

    public String url() { return server.url(); }

    public long companyId() { return server.companyId(); }

    /** A simple HTTP reply, read whole. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Reply send(Request r) {
        return send(http, r);
    }

    public static Reply send(OkHttpClient client, Request r) {
        try (Response resp = client.newCall(r).execute()) {
            return new Reply(resp.code(), resp.headers().toMultimap(), resp.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path) { return send(new Request.Builder().url(url() + path).build()); }

    public Reply control(String path, Object body) {
        try {
            return send(new Request.Builder().url(url() + "/__control" + path)
                    .post(RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode controlGet(String path) { return get("/__control" + path).json(); }

    /** Resets the simulator and seeds one company; returns its id. */
    public long freshCompany(int projects, int inactive, int withoutDirectory, int users) {
        harvestSecrets();                                   // reset forgets them: keep them for the final scan
        control("/reset", Map.of());
        return control("/companies", Map.of("name", "Granite Ridge Construction", "projects", projects,
                "inactiveProjects", inactive, "projectsWithoutDirectory", withoutDirectory, "users", users)).json().get("id").asLong();
    }

    public JsonNode audit() { return controlGet("/audit"); }

    public JsonNode accounts(long companyId) { return controlGet("/companies/" + companyId + "/accounts"); }

    /** A browser-like HTTP session: a cookie jar and form posts. */
    public Browserless login(String email, String password) {
        Browserless b = new Browserless();
        Reply r = b.post("/login", Map.of("email", email, "password", password));
        if (r.status() != 303) throw new AssertionError("login failed: " + r.status() + " " + r.body());
        return b;
    }

    public Browserless loginAdmin(long companyId) {
        JsonNode logins = controlGet("/companies/" + companyId).get("logins");
        for (JsonNode l : logins) if (l.get("admin").asText().equals("true")) return login(l.get("email").asText(), l.get("password").asText());
        throw new AssertionError("no admin login");
    }

    public Browserless loginNonAdmin(long companyId) {
        JsonNode logins = controlGet("/companies/" + companyId).get("logins");
        for (JsonNode l : logins) if (l.get("admin").asText().equals("false")) return login(l.get("email").asText(), l.get("password").asText());
        throw new AssertionError("no non-admin login");
    }

    public final class Browserless {
        private final List<Cookie> cookies = new ArrayList<>();
        public final OkHttpClient client = http.newBuilder().cookieJar(new CookieJar() {
            @Override
            public void saveFromResponse(HttpUrl url, List<Cookie> list) {
                for (Cookie c : list) {
                    cookies.removeIf(x -> x.name().equals(c.name()));
                    cookies.add(c);
                }
            }

            @Override
            public List<Cookie> loadForRequest(HttpUrl url) { return List.copyOf(cookies); }
        }).build();

        public Reply get(String path) { return send(client, new Request.Builder().url(url() + path).build()); }

        public Reply post(String path, Map<String, String> form) {
            FormBody.Builder f = new FormBody.Builder();
            form.forEach(f::add);
            return send(client, new Request.Builder().url(url() + path).post(f.build()).build());
        }

        /** Creates a service account through the New form; returns the view page's URL path. */
        public String createAccount(long companyId, String name) {
            Reply r = post("/" + companyId + "/company/service_accounts", Map.of("name", name, "app_type", "Custom"));
            if (r.status() != 303) throw new AssertionError("create failed: " + r.status() + " " + r.body());
            return r.header("Location");
        }
    }

    /** A service account made through the pages, configured to a level on every tool, with its token. */
    public record Account(String clientId, String clientSecret, long userId, String token) {}

    public Account account(long companyId, String name, String level, boolean addAll) {
        Browserless b = loginAdmin(companyId);
        b.createAccount(companyId, name);
        JsonNode a = null;
        for (JsonNode x : accounts(companyId)) if (x.get("name").asText().equals(name)) a = x;
        long uid = a.get("userId").asLong();
        Map<String, String> form = new java.util.HashMap<>();
        a.get("permissions").fieldNames().forEachRemaining(t -> form.put("perm[" + t + "]", level));
        form.put("add_to_new_projects", "1");
        b.post("/" + companyId + "/company/directory/users/" + uid + "/edit", form);
        if (addAll) {
            String job = "/" + companyId + "/company/directory/users/" + uid + "/add_all";
            b.post(job, Map.of());
            Poll.until(() -> b.get(job).json(), s -> !s.get("state").asText().equals("running"), java.time.Duration.ofSeconds(60), "Add All");
        }
        String token = token(a.get("clientId").asText(), a.get("clientSecret").asText()).json().get("access_token").asText();
        return new Account(a.get("clientId").asText(), a.get("clientSecret").asText(), uid, token);
    }

    public Reply token(String clientId, String clientSecret) {
        return send(new Request.Builder().url(url() + "/oauth/token").post(new FormBody.Builder()
                .add("grant_type", "client_credentials").add("client_id", clientId).add("client_secret", clientSecret).build()).build());
    }

    /** A REST GET with the bearer token and the company header (null leaves either out). */
    public Reply api(String path, String token, Long companyHeader) {
        Request.Builder r = new Request.Builder().url(url() + path);
        if (token != null) r.header("Authorization", "Bearer " + token);
        if (companyHeader != null) r.header("Procore-Company-Id", String.valueOf(companyHeader));
        return send(r.build());
    }

    public Reply apiPost(String path, String token, Long companyHeader, String json) {
        Request.Builder r = new Request.Builder().url(url() + path).post(RequestBody.create(json, JSON_TYPE));
        if (token != null) r.header("Authorization", "Bearer " + token);
        if (companyHeader != null) r.header("Procore-Company-Id", String.valueOf(companyHeader));
        return send(r.build());
    }

    /** The text of the {@code <dd>} that follows a {@code <dt>} with this label. */
    public static String definition(String html, String label) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(label) + "</dt><dd>(.*?)</dd>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").strip() : null;
    }

    /** Every client secret any simulator of this test run issued, collected when it closes (for the final scan). */
    public static final java.util.Set<String> ALL_SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void harvestSecrets() { controlGet("/secrets").get("secrets").forEach(x -> ALL_SECRETS.add(x.asText())); }

    @Override
    public void close() {
        try {
            harvestSecrets();
        } finally {
            server.close();
        }
    }
}
