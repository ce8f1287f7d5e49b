package io.procoresetup.browser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.openqa.selenium.JavascriptException;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tab of a Chromium on this machine, spoken to directly over its DevTools WebSocket (OkHttp, Jackson), beside
 * chromedriver's own connection to it. A WebDriver command goes through chromedriver, which checks the page's state
 * before and after it; a question asked this way reaches the page itself: measured on the 2-core machine, 1.5-2.7 ms a
 * script against 15-19 ms through chromedriver (README "Performance"). Only questions go this way (scripts that read
 * the page and return plain values, and the picture); every action a person does (clicks, typing) stays a WebDriver
 * command. Selenium's own DevTools client does the same in general but took 0.57 s to connect (measured), this 25 ms;
 * the messages are read and written with Jackson's streaming API (jackson-core only, without databind's ObjectMapper,
 * which nothing else loads before sign-in, where the first question is asked).
 *
 * <p>Any failure of the connection itself (closed, not answering in time) is {@link Unavailable}: the caller asks
 * through WebDriver instead, which then reports what is wrong with the page (an alert open, a crashed tab).
 */
public final class DevToolsTab implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    /** Daemon threads: an open tab never keeps the JVM from exiting. */
    private static final OkHttpClient WIRE = OkHttpDriverClient.plainHttpOnly(new OkHttpClient.Builder())
            .dispatcher(new Dispatcher(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "devtools-tab");
                t.setDaemon(true);
                return t;
            })))
            .readTimeout(Duration.ZERO).pingInterval(Duration.ZERO).build();

    /** The connection could not answer: ask through WebDriver. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) { super(message, cause); }
    }

    private final WebSocket socket;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong answers = new java.util.concurrent.atomic.AtomicLong();
    private volatile String broken;

    private DevToolsTab(String url) {
        this.socket = WIRE.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket ws, String text) {
                Map<String, Object> m;
                try (JsonParser p = JSON.createParser(text)) {
                    m = p.nextToken() == JsonToken.START_OBJECT ? object(p) : Map.of();
                } catch (IOException e) {
                    fail("an unreadable answer (" + e.getMessage() + ")");
                    return;
                }
                CompletableFuture<Map<String, Object>> f = m.get("id") instanceof Long id ? pending.remove(id) : null;
                if (f != null) f.complete(m);                      // events (no id) are not asked for
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) { fail("the tab's DevTools connection is closing (" + code + ")"); }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) { fail("the tab's DevTools connection closed (" + code + ")"); }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response r) {
                fail("the tab's DevTools connection failed (" + (r != null ? "HTTP " + r.code() : t.getClass().getSimpleName()) + ")");
            }
        });
    }

    /**
     * The tab {@code targetId} (chromedriver's window handle is the DevTools target id) of the Chromium whose DevTools
     * listen at {@code debuggerAddress} (host:port), when that is this machine; empty otherwise, or when it does not answer
     * within {@code timeout}.
     */
    public static Optional<DevToolsTab> open(String debuggerAddress, String targetId, Duration timeout) {
        if (debuggerAddress == null || targetId == null || !loopback(debuggerAddress) || !targetId.matches("[A-Za-z0-9_-]+")) return Optional.empty();
        DevToolsTab tab = new DevToolsTab("ws://" + debuggerAddress + "/devtools/page/" + targetId);
        try {
            if (Long.valueOf(1).equals(tab.evaluate("return 1;", List.of(), false, timeout))) return Optional.of(tab);
        } catch (RuntimeException e) {
            // not this machine's, not a page, or not answering: WebDriver it is
        }
        tab.close();
        return Optional.empty();
    }

    /** Whether host:port names this machine (a Grid node elsewhere reports its own localhost). */
    static boolean loopback(String hostPort) {
        String host = hostPort.replaceAll(":\\d+$", "").replaceAll("^\\[|]$", "");
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
    }

    /**
     * Runs a WebDriver-style script body (it reads {@code arguments}, returns with {@code return}) in the tab's page, with
     * JSON-able arguments, and returns what it returns as WebDriver gives it: Long or Double for numbers, List, Map,
     * String, Boolean or null. {@code async}: the body answers through a callback, its last argument, as in WebDriver's
     * executeAsyncScript. An element in the answer comes back as an empty object: a question's caller reads no element
     * (and an element of a React page, which carries React's data pointing back at it, cannot be copied out as a value).
     * A script that throws is a {@link JavascriptException}, as through WebDriver; a page that cannot answer now (between
     * two documents, say) is {@link Unavailable}, and WebDriver, which waits for the new document, is asked instead.
     */
    public Object evaluate(String body, List<?> args, boolean async, Duration timeout) {
        String a = json(args);
        String call = async
                ? "new Promise(function (answer) { (function () {\n" + body + "\n}).apply(null, " + a + ".concat([answer])); }).then(" + PLAIN + ")"
                : "(" + PLAIN + ")((function () {\n" + body + "\n}).apply(null, " + a + "))";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", call);
        params.put("returnByValue", true);
        params.put("awaitPromise", async);
        Map<String, Object> r = send("Runtime.evaluate", params, timeout);
        if (r.get("exceptionDetails") instanceof Map<?, ?> d) {
            Object what = d.get("exception") instanceof Map<?, ?> x && x.get("description") != null ? x.get("description") : d.get("text");
            throw new JavascriptException("javascript error: " + what);
        }
        return r.get("result") instanceof Map<?, ?> value ? value.get("value") : null;
    }

    /** The answer's elements (DOM nodes, windows) as empty objects, its arrays and plain objects copied: JSON values only. */
    private static final String PLAIN = "function plain(v) {"
            + " if (v === null || typeof v !== 'object') return v;"
            + " if (v instanceof Node || v === window) return {};"
            + " if (Array.isArray(v)) return v.map(plain);"
            + " var o = {}; Object.keys(v).forEach(function (k) { o[k] = plain(v[k]); }); return o; }";

    /**
     * A DevTools method's result. A protocol error (a page between two documents, an answer that cannot be copied) is
     * {@link Unavailable} for this call only: the caller asks WebDriver instead.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> send(String method, Map<String, Object> params, Duration timeout) {
        Map<String, Object> r = call(method, params, timeout);
        if (r.get("error") instanceof Map<?, ?> e) throw new Unavailable(method + ": " + e.get("message"), null);
        answers.incrementAndGet();
        return r.get("result") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** How many calls this connection has answered (tests: a question went this way, not through WebDriver). */
    public long answers() { return answers.get(); }

    private Map<String, Object> call(String method, Map<String, Object> params, Duration timeout) {
        if (broken != null) throw new Unavailable(broken, null);
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        if (broken != null) {                         // failed between the check and the put: fail() may have missed it
            pending.remove(id);
            throw new Unavailable(broken, null);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("method", method);
        m.put("params", params);
        if (!socket.send(json(m))) {
            pending.remove(id);
            fail("the tab's DevTools connection is closing");
            throw new Unavailable(broken, null);
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.remove(id);
            fail(method + " got no answer within " + timeout.toMillis() + " ms");     // a dialog open, or a hung page
            throw new Unavailable(broken, e);
        } catch (ExecutionException e) {
            throw new Unavailable(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    /** From now on every call is {@link Unavailable}; the ones waiting end at once. */
    private void fail(String why) {
        if (broken == null) broken = why;
        for (Iterator<CompletableFuture<Map<String, Object>>> it = pending.values().iterator(); it.hasNext(); ) {
            it.next().completeExceptionally(new IllegalStateException(broken));
            it.remove();
        }
        WebSocket s = socket;
        if (s != null) s.cancel();                    // null only when it failed before the constructor returned
    }

    /** Whether calls can still go this way. */
    public boolean open() { return broken == null; }

    @Override
    public void close() { fail("closed"); }

    private static String json(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("script arguments must be JSON values", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) g.writeNumber(((Number) v).longValue());
        else if (v instanceof Number n) g.writeNumber(n.doubleValue());
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object e : list) write(g, e);
            g.writeEndArray();
        } else throw new IOException("not a JSON value: " + v.getClass().getName());
    }

    /** JSON as WebDriver's Java binding gives it: Long or Double, String, Boolean, null, List, Map. */
    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) out.add(value(p));
                yield out;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> null;
        };
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, value(p));
        }
        return out;
    }
}
