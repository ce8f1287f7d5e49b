package io.procoresetup.ui;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import org.openqa.selenium.WebDriver;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One real headless Chromium for a test class, on pages of its own (data: URLs), started once and closed at the end. */
abstract class OneChromium {
    protected BrowserSessions.Session session;
    protected WebDriver driver;

    @BeforeClass
    public void startChromium() {
        session = BrowserSessions.open(BrowserSettings.defaults());
        driver = session.driver();
    }

    @AfterClass(alwaysRun = true)
    public void stopChromium() {
        if (session != null) session.close();
    }

    /** A page of the test's own, as a data: URL. */
    protected static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
