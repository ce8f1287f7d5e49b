package io.procoresetup.ui;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Browser's one-call fill and visibility against a page the simulator does not have (real Chromium): text nobody
 * would type, a field that already holds text, a length limit, a field that rewrites what it is given (filled key by
 * key then), and elements hidden the ways a page hides them.
 */
public class BrowserInputTest {
    private static final PageSpec PAGE = PageSpec.overlay("InputPage");
    private static final String HTML = "<!doctype html><html><body>"
            + "<label for=plain>Plain</label><input id=plain>"
            + "<label for=filled>Filled</label><input id=filled value='old text'>"
            + "<label for=short>Short</label><input id=short maxlength=5>"
            + "<label for=upper>Upper</label><input id=upper>"
            + "<div style='opacity:0'><button>Faded</button></div>"
            + "<button style='display:none'>Gone</button>"
            + "<button style='width:0;height:0;padding:0;border:0;overflow:hidden'>Flat</button>"
            + "<button style='visibility:hidden'>Twin</button><button>Twin</button>"
            + "<button>Plain button</button>"
            + "<script>window.events = 0; document.getElementById('plain').addEventListener('input', function () { window.events++; });"
            + "var up = document.getElementById('upper'); up.addEventListener('input', function () { up.value = up.value.toUpperCase(); });"
            + "</script></body></html>";

    private BrowserSessions.Session session;
    private WebDriver driver;
    private Browser browser;

    @BeforeClass
    public void start() {
        session = BrowserSessions.open(BrowserSettings.defaults());
        driver = session.driver();
        browser = new Browser(driver, Duration.ofSeconds(5));
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (session != null) session.close();
    }

    @BeforeMethod
    public void page() {
        driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(HTML, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private String value(String id) {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById(arguments[0]).value;", id);
    }

    @Test
    public void textNobodyWouldTypeArrivesExactlyWithTheEventsTypingFires() {
        String odd = "Ünïcødé 名前 🏗️ \"quotes\" 'single' \\back\\slash <b>&amp; tab\there";
        browser.type(PAGE, UI.field("Plain"), odd);
        assertEquals(value("plain"), odd);
        long events = (Long) ((JavascriptExecutor) driver).executeScript("return window.events;");
        assertTrue(events >= 1, "the page heard an input event: " + events);
    }

    @Test
    public void aFieldThatHoldsTextIsReplacedNotAppendedTo() {
        browser.type(PAGE, UI.field("Filled"), "new");
        assertEquals(value("filled"), "new");
    }

    @Test
    public void aLengthLimitCutsTheTextAsItWouldCutAPersonsTyping() {
        browser.type(PAGE, UI.field("Short"), "laborchart");
        assertEquals(value("short"), "labor");
    }

    @Test
    public void aFieldThatRewritesItsInputGetsWhatTypingWouldGiveIt() {
        browser.type(PAGE, UI.field("Upper"), "mixed Case");
        assertEquals(value("upper"), "MIXED CASE");
    }

    @Test
    public void hiddenElementsDoNotShowAndTheFirstShownMatchIsFound() {
        assertFalse(browser.visible(UI.button("Faded")), "opacity 0 on an ancestor");
        assertFalse(browser.visible(UI.button("Gone")), "display none");
        assertFalse(browser.visible(UI.button("Flat")), "no size");
        assertTrue(browser.visible(UI.button("Plain button")));
        assertEquals(browser.find(PAGE, UI.button("Twin")).getCssValue("visibility"), "visible",
                "the hidden twin comes first in the page; the shown one is found");
    }
}
