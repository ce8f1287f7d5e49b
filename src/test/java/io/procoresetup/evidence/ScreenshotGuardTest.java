package io.procoresetup.evidence;

import com.sun.net.httpserver.HttpServer;
import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.support.Sim;
import io.procoresetup.ui.Browser;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * The one guard every picture passes: whatever page is showing, every known secret (and any piece of one)
 * is masked before the capture, a "Client Secret" field is masked even before the run knows its value, and
 * a page it cannot prove clean gives a placeholder, never pixels. One browser for the whole class.
 */
public class ScreenshotGuardTest {
    private static final String SECRET = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f";
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private HttpServer server;
    private BrowserSessions.Session session;
    private Browser browser;

    @BeforeClass
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = pages.getOrDefault(ex.getRequestURI().getPath(), "<p>none</p>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        session = BrowserSessions.open(BrowserSettings.defaults());
        browser = new Browser(session.driver(), Duration.ofSeconds(20));
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (session != null) session.close();
        if (server != null) server.stop(0);
    }

    private void show(String path, String html) {
        pages.put(path, "<!doctype html><meta charset=\"utf-8\"><body style=\"font:16px sans-serif\">" + html + "</body>");
        browser.open("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ScreenshotGuard guard(String... known) { return new ScreenshotGuard(browser, () -> Set.of(known)); }

    /** Everything the page holds as text: its markup and the current values of its fields. */
    private String text() {
        return String.valueOf(browser.script("return document.documentElement.outerHTML + '|' + Array.from("
                + "document.querySelectorAll('input,textarea')).map(function (i) { return i.value; }).join('|');"));
    }

    @Test
    public void clientSecretFieldIsMaskedByItsLabelBeforeTheRunKnowsTheValue() {
        show("/created", "<h1>laborchart-integration</h1><dl><dt>Client ID</dt><dd>abc123</dd>"
                + "<dt>Client Secret</dt><dd><code>" + SECRET + "</code> <button>Copy</button></dd></dl>");
        ScreenshotGuard.Picture p = guard().capture();                  // the run knows no secret yet
        assertTrue(p instanceof ScreenshotGuard.Picture.Png, "a picture: " + p);
        assertFalse(text().contains(SECRET.substring(0, 12)), "the page no longer holds the secret");
        assertTrue(text().contains("Copy"), "the Copy button stays readable");
        assertTrue(text().contains("abc123"), "the Client ID is not a secret");
    }

    @Test
    public void labelledFieldsOfEveryShapeAreMasked() {
        show("/shapes", "<label>Client Secret <input readonly value=\"" + SECRET + "\"></label>"
                + "<table><tr><th>Client secret</th><td>" + SECRET + "</td></tr></table>"
                + "<div><span>Client Secret</span></div><div>" + SECRET + "</div>"
                + "<p>Client Secret: " + SECRET + "</p>"
                + "<input aria-label=\"Client Secret\" value=\"" + SECRET + "\">");
        assertTrue(guard().capture() instanceof ScreenshotGuard.Picture.Png);
        assertFalse(text().contains(SECRET.substring(20, 32)), "no shape leaves the secret on the page: " + text());
    }

    @Test
    public void knownSecretsAreMaskedWhereverThePageShowsThem() {
        String piece = SECRET.substring(10, 30);
        show("/anywhere", "<p>token " + SECRET + " here</p><p title=\"" + SECRET + "\">hover</p>"
                + "<p>truncated: " + piece + "…</p><textarea>" + SECRET + "</textarea><div id=\"host\"></div>"
                + "<iframe srcdoc=\"<p>" + SECRET + "</p>\"></iframe>"
                + "<script>document.getElementById('host').attachShadow({mode:'open'}).innerHTML = '<b>" + SECRET + "</b>';</script>");
        browser.until("the frame", Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.script("var f = document.querySelector('iframe');"
                + " return !!(f.contentDocument && f.contentDocument.body && f.contentDocument.body.textContent);")));
        ScreenshotGuard.Picture p = guard(SECRET).capture();
        assertTrue(p instanceof ScreenshotGuard.Picture.Png png && png.masked() >= 5, "masked in five places or more: " + p);
        assertFalse(text().contains(piece.substring(0, 12)), "text, attribute, piece and field are masked");
        assertEquals(browser.script("return document.getElementById('host').shadowRoot.innerHTML.indexOf(arguments[0]);", SECRET), -1L,
                "the shadow root is masked");
        assertEquals(browser.script("return document.querySelector('iframe').contentDocument.body.innerHTML.indexOf(arguments[0]);", SECRET),
                -1L, "the frame is masked");
        assertFalse(guard(SECRET).maskedSource().contains(SECRET), "the page source is masked too");
    }

    @Test
    public void aSecretThatAppearsAfterMaskingIsMaskedBeforeItIsPainted() {
        show("/later", "<p>loading</p><div id=\"list\"></div>");
        assertTrue(guard(SECRET).capture() instanceof ScreenshotGuard.Picture.Png);
        browser.script("document.getElementById('list').innerHTML = '<span>' + arguments[0] + '</span>';", SECRET);  // a late list
        assertFalse(text().contains(SECRET.substring(0, 12)), "the guard's observer masked the late text");
    }

    @Test
    public void aPageThatCannotBeProvenCleanGivesAPlaceholderNotPixels() {
        show("/frozen", "<input id=\"f\"><script>Object.defineProperty(document.getElementById('f'), 'value',"
                + " {get: function () { return '" + SECRET + "'; }, set: function () {}});</script>");
        ScreenshotGuard.Picture p = guard(SECRET).capture();
        if (!(p instanceof ScreenshotGuard.Picture.Withheld w)) {
            fail("pixels of a page that still holds the secret: " + p);
            return;
        }
        assertTrue(w.reason().contains("could not be proven"), w.reason());
    }

    @Test
    public void theCredentialsPictureShowsTheMaskNotTheSecret() {
        try (Sim sim = new Sim()) {
            long cid = sim.freshCompany(1, 0, 0, 0);
            Sim.Browserless http = sim.loginAdmin(cid);
            String view = http.createAccount(cid, "mask-check");        // the browser is the first to see the secret
            String secret = sim.accounts(cid).get(0).get("clientSecret").asText();
            browser.open(sim.url() + "/login");
            for (var c : http.client.cookieJar().loadForRequest(okhttp3.HttpUrl.get(sim.url()))) {
                session.driver().manage().addCookie(new org.openqa.selenium.Cookie(c.name(), c.value(), "/"));
            }
            browser.open(sim.url() + view);
            String dd = "document.evaluate(\"//dt[normalize-space()='Client Secret']/following-sibling::dd[1]\", document, null, 9, null).singleNodeValue";
            assertEquals(browser.script("return " + dd + ".textContent.trim();"), secret, "the page shows the secret this once");
            String html = String.valueOf(browser.script("return " + dd + ".innerHTML;"));

            ScreenshotGuard.Picture p = guard().capture();
            assertTrue(p instanceof ScreenshotGuard.Picture.Png, "a picture: " + p);
            String guarded = Evidence.sha256(((ScreenshotGuard.Picture.Png) p).bytes());
            assertEquals(guarded, Evidence.sha256(browser.screenshot()), "the picture is of the masked page as it stands");
            browser.script("window.__harnessGuard.observer.disconnect(); " + dd + ".innerHTML = arguments[0];", html);
            assertNotEquals(guarded, Evidence.sha256(browser.screenshot()), "the same page with the secret put back looks different");
        }
    }
}
