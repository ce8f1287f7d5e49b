package io.procoresetup.evidence;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.support.Sim;
import io.procoresetup.ui.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * The credentials screenshot is taken with the mask in place: its pixels equal a screenshot of the page
 * showing the mask, and differ from one showing the real secret.
 */
public class MaskedScreenshotTest {

    @Test
    public void credentialsScreenshotShowsTheMaskNotTheSecret() throws Exception {
        try (Sim sim = new Sim(); BrowserSessions.Session session = BrowserSessions.open(BrowserSettings.defaults())) {
            long cid = sim.freshCompany(1, 0, 0, 0);
            Sim.Browserless http = sim.loginAdmin(cid);
            String view = http.createAccount(cid, "mask-check");            // the secret is still unseen: the browser shows it first
            String secret = sim.accounts(cid).get(0).get("clientSecret").asText();
            Browser browser = new Browser(session.driver(), Duration.ofSeconds(20));
            browser.open(sim.url() + "/login");                             // same origin first, then the session cookie
            for (var c : http.client.cookieJar().loadForRequest(okhttp3.HttpUrl.get(sim.url()))) {
                session.driver().manage().addCookie(new org.openqa.selenium.Cookie(c.name(), c.value(), "/"));
            }
            browser.open(sim.url() + view);
            By dd = By.xpath("//dt[normalize-space()='Client Secret']/following-sibling::dd[1]");
            WebElement el = session.driver().findElement(dd);
            assertEquals(el.getText(), secret, "the page shows the secret this once");

            Evidence evidence = new Evidence(browser, Files.createTempDirectory("mask-"), new Narrator(new PrintStream(new ByteArrayOutputStream())));
            evidence.screenshotMasked("credentials", el);
            String masked = evidence.lastShot().sha256();
            assertTrue(evidence.lastShot().masked());

            browser.script("arguments[0].textContent = arguments[1];", el, secret);
            String withSecret = Evidence.sha256(browser.screenshot());
            browser.script("arguments[0].textContent = arguments[1];", el, Evidence.MASK);
            String withMask = Evidence.sha256(browser.screenshot());

            assertNotEquals(masked, withSecret, "the screenshot does not show the secret");
            assertEquals(masked, withMask, "the screenshot shows exactly the mask");
            evidence.close();
        }
    }
}
