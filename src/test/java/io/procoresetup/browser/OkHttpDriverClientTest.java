package io.procoresetup.browser;

import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpClient;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.remote.http.HttpRequest;
import org.openqa.selenium.remote.http.HttpResponse;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

/**
 * Selenium's wire over OkHttp: Selenium picks it by its name, and a request reaches the server as Selenium built it
 * (method, path under the base URI, query, headers, body, credentials) and the answer comes back whole.
 */
public class OkHttpDriverClientTest {
    private HttpServer server;
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private URI base;

    @BeforeClass
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            String echo = ex.getRequestMethod() + " " + ex.getRequestURI() + "\n"
                    + "auth=" + ex.getRequestHeaders().getFirst("Authorization") + "\n"
                    + "type=" + ex.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + "x=" + ex.getRequestHeaders().getFirst("X-Probe") + "\n"
                    + new String(in, StandardCharsets.UTF_8);
            if (ex.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    released.await(5, java.util.concurrent.TimeUnit.SECONDS);   // answers only when the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("X-Answer", "yes");
            ex.sendResponseHeaders(201, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wd/hub");
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    public void seleniumPicksItByNameAndBrowserSessionsMakesItTheDefault() {
        assertTrue(HttpClient.Factory.create(OkHttpDriverClient.NAME) instanceof OkHttpDriverClient.Factory);
        BrowserSessions.runningAsRoot();                                    // loads BrowserSessions, which sets the switch
        assertEquals(System.getProperty(BrowserSessions.HTTP_FACTORY), OkHttpDriverClient.NAME);
        assertTrue(HttpClient.Factory.createDefault() instanceof OkHttpDriverClient.Factory);
    }

    @Test
    public void aCommandArrivesAsSeleniumBuiltItAndItsAnswerComesBackWhole() {
        try (HttpClient c = new OkHttpDriverClient.Factory().createClient(ClientConfig.defaultConfig().baseUri(base)
                .authenticateAs(new UsernameAndPassword("grid", "pw")))) {
            HttpRequest req = new HttpRequest(HttpMethod.POST, "/session/42/execute/sync");
            req.addQueryParameter("q", "a b&c");
            req.setHeader("Content-Type", "application/json; charset=utf-8");
            req.setHeader("X-Probe", "probe");
            req.setContent(Contents.utf8String("{\"script\":\"return 'é'\"}"));
            HttpResponse r = c.execute(req);
            assertEquals(r.getStatus(), 201);
            assertEquals(r.getHeader("X-Answer"), "yes");
            String body = Contents.string(r);
            assertTrue(body.startsWith("POST /wd/hub/session/42/execute/sync?q=a+b%26c\n"), body);
            assertTrue(body.contains("auth=Basic Z3JpZDpwdw==\n"), body);               // grid:pw
            assertTrue(body.contains("type=application/json; charset=utf-8\n"), body);
            assertTrue(body.contains("x=probe\n"), body);
            assertTrue(body.endsWith("{\"script\":\"return 'é'\"}"), body);
        }
    }

    @Test
    public void aGetCarriesNoBodyAndADeleteWorks() {
        try (HttpClient c = new OkHttpDriverClient.Factory().createClient(ClientConfig.defaultConfig().baseUri(base))) {
            String get = Contents.string(c.execute(new HttpRequest(HttpMethod.GET, "/status")));
            assertTrue(get.startsWith("GET /wd/hub/status\nauth=null\n"), get);
            String delete = Contents.string(c.execute(new HttpRequest(HttpMethod.DELETE, "/session/42")));
            assertTrue(delete.startsWith("DELETE /wd/hub/session/42\n"), delete);
        }
    }

    @Test
    public void aServerSlowerThanTheReadTimeoutIsSeleniumsTimeout() {
        try (HttpClient c = new OkHttpDriverClient.Factory().createClient(ClientConfig.defaultConfig().baseUri(base)
                .readTimeout(Duration.ofMillis(300)))) {
            assertThrows(TimeoutException.class, () -> c.execute(new HttpRequest(HttpMethod.GET, "/slow")));
        }
    }

    /**
     * Plain HTTP sets up no TLS (the trust store's load is measured in README "Performance"), yet an https Grid is still
     * spoken to over TLS: against this plain server, the https request fails in the TLS handshake, not for want of TLS.
     */
    @Test
    public void plainHttpNeedsNoTlsAndHttpsStillGetsIt() {
        assertEquals(OkHttpDriverClient.shared("http://127.0.0.1:1/").connectionSpecs(), java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT),
                "no TLS for plain HTTP");
        assertNotNull(OkHttpDriverClient.shared("https://grid.example/wd/hub").sslSocketFactory(), "TLS for https");
        URI secure = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/wd/hub");
        try (HttpClient c = new OkHttpDriverClient.Factory().createClient(ClientConfig.defaultConfig().baseUri(secure))) {
            java.io.UncheckedIOException e = org.testng.Assert.expectThrows(java.io.UncheckedIOException.class,
                    () -> c.execute(new HttpRequest(HttpMethod.GET, "/status")));
            assertTrue(e.getCause() instanceof javax.net.ssl.SSLException, "a TLS handshake was tried: " + e.getCause());
        }
    }
}
