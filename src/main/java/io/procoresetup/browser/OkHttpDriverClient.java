package io.procoresetup.browser;

import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.ByteString;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.remote.http.BinaryMessage;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.CloseMessage;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpClient;
import org.openqa.selenium.remote.http.HttpClientName;
import org.openqa.selenium.remote.http.HttpHandler;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.remote.http.HttpRequest;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Message;
import org.openqa.selenium.remote.http.TextMessage;
import org.openqa.selenium.remote.http.WebSocket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Selenium's wire to chromedriver or a Grid, over OkHttp instead of the JDK's HttpClient (Selenium's default).
 * Measured on the 2-core machine (README "Performance"): a WebDriver command costs about 8 ms instead of 14 ms,
 * since a call is written and read on the calling thread instead of being handed between the JDK client's
 * selector and executor threads; and the JVM exits about 0.3 s sooner, since no selector thread sits in a
 * native poll at exit (the JVM waits up to 300 ms for such threads). Selenium picks it by name
 * ({@link #NAME}, the system property {@code webdriver.http.factory}) through its ServiceLoader entry.
 */
public final class OkHttpDriverClient implements HttpClient {
    public static final String NAME = "harness-okhttp";
    /**
     * One connection pool and dispatcher for every client Selenium makes in this JVM, for plain HTTP (a local
     * chromedriver, most Grids): no TLS is set up, since building a TLS-capable client loads the JDK's trust store and
     * security providers, about 0.2 s of a 2-core machine's start (measured; README "Performance").
     */
    private static final OkHttpClient BASE = plainHttpOnly(new OkHttpClient.Builder().retryOnConnectionFailure(true)
            .socketFactory(new NoDelaySockets())).build();
    /** The same pool and dispatcher with TLS, for an https Grid: made when first asked for. */
    private static volatile OkHttpClient tls;
    private static final MediaType NONE = null;

    /**
     * A client that speaks plain HTTP only: OkHttp then sets up no TLS when it is built. A redirect to https is handed
     * back as the redirect it is, not followed (a plain-HTTP client would fail it with an IllegalStateException).
     */
    public static OkHttpClient.Builder plainHttpOnly(OkHttpClient.Builder b) {
        return b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
    }

    /** Whether a URL needs TLS (https, or a WebSocket over it). */
    public static boolean secure(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("https:") || u.startsWith("wss:");
    }

    /**
     * The shared pool and dispatcher for a URL, for a call Selenium has no command for (its connections to the driver
     * are reused): TLS only where the URL needs it.
     */
    public static OkHttpClient shared(String url) {
        if (!secure(url)) return BASE;
        OkHttpClient t = tls;
        if (t == null) {
            synchronized (OkHttpDriverClient.class) {
                if (tls == null) tls = BASE.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                        .followSslRedirects(true).build();
                t = tls;
            }
        }
        return t;
    }

    private final ClientConfig config;
    private final OkHttpClient client;             // plain HTTP
    private volatile OkHttpClient secureClient;    // https, made when a URL first needs it
    private final HttpHandler handler;

    OkHttpDriverClient(ClientConfig config) {
        this.config = config;
        if (config.sslContext() != null) {
            throw new IllegalArgumentException("a custom SSL context for the WebDriver connection is not supported by " + NAME);
        }
        if (config.credentials() != null && !(config.credentials() instanceof UsernameAndPassword)) {
            throw new IllegalArgumentException("credentials for the WebDriver connection must be a user name and password");
        }
        this.client = configured(BASE);
        this.handler = config.filter().andFinally(this::send);     // Selenium's own filters (user agent, retries) first
    }

    /** The shared pool with this connection's timeouts, proxy and credentials. */
    private OkHttpClient configured(OkHttpClient base) {
        OkHttpClient.Builder b = base.newBuilder()
                .connectTimeout(config.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (config.proxy() != null) b.proxy(config.proxy());
        if (config.credentials() instanceof UsernameAndPassword up) {
            String basic = okhttp3.Credentials.basic(up.username(), up.password());
            b.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Authorization", basic).build()));
        }
        return b.build();
    }

    /** This connection's client for a URL: TLS only where the URL needs it (an https Grid). */
    private OkHttpClient clientFor(String url) {
        if (!secure(url)) return client;
        OkHttpClient s = secureClient;
        if (s == null) secureClient = s = configured(shared(url));
        return s;
    }

    @Override
    public HttpResponse execute(HttpRequest req) { return handler.execute(req); }

    private HttpResponse send(HttpRequest req) {
        Request request = request(req);
        try (Response r = clientFor(request.url().toString()).newCall(request).execute()) {
            HttpResponse out = new HttpResponse().setStatus(r.code());
            r.headers().forEach(h -> out.addHeader(h.getFirst(), h.getSecond()));
            out.setContent(Contents.bytes(r.body().bytes()));
            out.setTargetHost(r.request().url().host());
            return out;
        } catch (InterruptedIOException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request request(HttpRequest req) {
        Request.Builder b = new Request.Builder().url(url(req, false));
        req.forEachHeader(b::addHeader);
        RequestBody body = null;
        if (req.getMethod() == HttpMethod.POST || req.getMethod() == HttpMethod.PUT) {
            String type = req.getHeader("Content-Type");
            body = RequestBody.create(Contents.bytes(req.getContent()), type == null ? NONE : MediaType.parse(type));
        }
        return b.method(req.getMethod().name(), body).build();
    }

    /** The request's path against the configured base, with its query parameters. */
    private String url(HttpRequest req, boolean socket) {
        String uri = req.getUri();
        String base = config.baseUri() == null ? "" : config.baseUri().toString().replaceAll("/+$", "");
        StringBuilder url = new StringBuilder(uri.startsWith("http://") || uri.startsWith("https://")
                || uri.startsWith("ws://") || uri.startsWith("wss://") ? uri : base + uri);
        char sep = url.indexOf("?") < 0 ? '?' : '&';
        for (String name : req.getQueryParameterNames()) {
            for (String value : req.getQueryParameters(name)) {
                url.append(sep).append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        String s = url.toString();
        return socket ? s.replaceFirst("^ws://", "http://").replaceFirst("^wss://", "https://") : s;
    }

    @Override
    public WebSocket openSocket(HttpRequest request, WebSocket.Listener listener) {
        String url = url(request, true);
        okhttp3.WebSocket socket = clientFor(url).newWebSocket(new Request.Builder().url(url).build(), new okhttp3.WebSocketListener() {
            @Override public void onMessage(okhttp3.WebSocket ws, String text) { listener.onText(text); }
            @Override public void onMessage(okhttp3.WebSocket ws, ByteString bytes) { listener.onBinary(bytes.toByteArray()); }
            @Override public void onClosing(okhttp3.WebSocket ws, int code, String reason) { listener.onClose(code, reason); ws.close(code, reason); }
            @Override public void onFailure(okhttp3.WebSocket ws, Throwable t, Response r) { listener.onError(t); }
        });
        return new WebSocket() {
            @Override
            public WebSocket send(Message message) {
                if (message instanceof TextMessage t) socket.send(t.text());
                else if (message instanceof BinaryMessage bin) socket.send(ByteString.of(bin.data()));
                else if (message instanceof CloseMessage c) socket.close(c.code(), c.reason());
                else throw new IllegalArgumentException("unsupported WebSocket message: " + message);
                return this;
            }

            @Override
            public void close() { socket.close(1000, "WebDriver closing socket"); }
        };
    }

    @HttpClientName(NAME)
    public static final class Factory implements HttpClient.Factory {
        @Override
        public HttpClient createClient(ClientConfig config) { return new OkHttpDriverClient(config); }
    }

    /**
     * Sockets that send a command at once (TCP_NODELAY). A command larger than OkHttp's 8 KiB write buffer (the
     * screenshot guard's script) leaves in two writes, and Nagle's algorithm held the second one until the
     * driver's delayed acknowledgement of the first: about 40 ms on every such command.
     */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

        private static java.net.Socket noDelay(java.net.Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override public java.net.Socket createSocket() throws IOException { return noDelay(plain.createSocket()); }

        @Override public java.net.Socket createSocket(String host, int port) throws IOException { return noDelay(plain.createSocket(host, port)); }

        @Override public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException { return noDelay(plain.createSocket(host, port)); }

        @Override public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }
    }
}
