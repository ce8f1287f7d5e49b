package io.procoresetup.ui;

import io.procoresetup.browser.DevToolsTab;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * Questions asked in the tab over Chromium's DevTools (real Chromium, {@link DevToolsTab}) get WebDriver's answers:
 * the same values for every kind of JSON, arguments nobody would type, script errors, the tab WebDriver is in, and
 * WebDriver again when the connection goes or the page does not answer (an alert open).
 */
public class DevToolsQuestionsTest extends OneChromium {
    private static final String HTML = "<!doctype html><html><head><title>Questions</title></head><body>"
            + "<h1>Questions</h1><p id=p>Client&nbsp;ID: <b>abc</b></p><input id=i value='typed'>"
            + "<p id=hidden style='display:none'>not shown</p><p id=shown>first</p><p id=shown2>second</p>"
            + "<label><input type=checkbox id=box checked> Ticked</label>"
            + "<script>"    // what React leaves on every element it draws: its own data, pointing back at the element, deep
            + "document.querySelectorAll('*').forEach(function (e) { var f = {stateNode: e}; for (var i = 0; i < 2000; i++) f = {return: f, stateNode: e};"
            + "  e['__reactFiber$x1'] = f; e['__reactProps$x1'] = {children: f}; });"
            + "</script></body></html>";
    private static final String PAGE_URL = page(HTML);

    private Browser browser;

    @org.testng.annotations.AfterMethod(alwaysRun = true)
    public void forget() {
        if (browser != null) browser.closeTabs();
    }

    @BeforeMethod
    public void open() {
        driver.get(PAGE_URL);
        browser = new Browser(driver, Duration.ofSeconds(5));
    }

    private Object webDriver(String js, Object... args) { return ((JavascriptExecutor) driver).executeScript(js, args); }

    /** How many answers came over the tab's own connection so far (WebDriver's answers do not count). */
    private long direct() {
        DevToolsTab tab = browser.tab();
        assertNotNull(tab, "the tab is asked directly");
        return tab.answers();
    }

    @Test
    public void aLocalHeadlessChromiumIsAskedDirectly() {
        assertNotNull(browser.tab(), "the session's tab answers over DevTools");
        assertEquals(browser.read("return document.title;"), "Questions");
    }

    @Test
    public void everyKindOfValueComesBackAsWebDriverGivesIt() {
        List<String> scripts = List.of(
                "return 1;", "return -7;", "return 2.5;", "return 1e21;", "return 0.1 + 0.2;", "return 'text';", "return '';",
                "return true;", "return false;", "return null;", "return undefined;", "return;",
                "return [1, 'a', null, [true, 2.5], {k: 'v'}];", "return {a: 1, b: [1, 2], c: {d: null}, e: 'x'};",
                "return [];", "return {};", "return Number.MAX_SAFE_INTEGER;",
                "return document.getElementById('p').innerText;", "return document.getElementById('i').value;",
                "return Array.from(document.querySelectorAll('*')).map(function (e) { return e.tagName; });");
        for (String js : scripts) {
            long before = direct();
            assertEquals(browser.read(js), webDriver(js), js);
            assertEquals(direct(), before + 1, "answered over DevTools: " + js);
        }
    }

    /**
     * Questions whose scripts find an element answer without it: on a page whose elements carry a framework's data
     * pointing back at them (React's), an element cannot be copied out of the page as a value.
     */
    @Test
    public void questionsAboutElementsAnswerOnAPageWhoseElementsCarryAFrameworksData() {
        long before = direct();
        assertEquals(browser.text(PageSpec.overlay("Questions"), new Locator("the note", "//p[@id='p']")), "Client ID: abc");
        assertTrue(browser.checked(PageSpec.overlay("Questions"), new Locator("the box", "//input[@id='box']")));
        browser.awaitShown(PageSpec.overlay("Questions"), new Locator("the heading", "//h1"));
        assertEquals(browser.read("return [document.querySelector('h1'), 1];"), java.util.Arrays.asList(Map.of(), 1L), "an element is an empty object");
        assertEquals(direct(), before + 4, "every one answered over DevTools, none through WebDriver");
    }

    /** Presence, the first match's text and the page's address, asked in the page, are what WebDriver says of them. */
    @Test
    public void presenceTextAndAddressAreWebDriversAnswers() {
        long before = direct();
        for (String xpath : List.of("//h1", "//p[@id='hidden']", "//p[starts-with(@id, 'shown')]", "//p[@id='p']", "//nothing", "//p[@id='p']/b")) {
            Locator l = new Locator(xpath, xpath);
            List<org.openqa.selenium.WebElement> found = driver.findElements(l.by());
            assertEquals(browser.present(l), !found.isEmpty(), xpath);
            assertEquals(browser.textIfPresent(l), found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0).getText().strip()), xpath);
        }
        assertEquals(browser.url(), driver.getCurrentUrl());
        assertEquals(direct(), before + 13, "each answered over DevTools");
    }

    @Test
    public void argumentsNobodyWouldTypeArriveExactly() {
        List<String> odd = List.of("Ünïcødé 名前 🏗️", "\"quotes\" 'single' `back`", "\\back\\slash \\u0041 \\n",
                "</script><script>alert(1)</script>", "line\u2028separator\u2029paragraph", "tab\there\r\nnew line",
                "\u0000nul", "}).apply(null, []); throw 1; (function () {", "");
        long before = direct();
        for (String s : odd) {
            assertEquals(browser.read("return arguments[0];", s), s, s);
            assertEquals(browser.read("return arguments[0].length;", s), webDriver("return arguments[0].length;", s), s);
        }
        assertEquals(browser.read("return Array.from(arguments);", List.of("a", List.of("b")), 3L, true),
                webDriver("return Array.from(arguments);", List.of("a", List.of("b")), 3L, true));
        assertEquals(direct(), before + 2L * odd.size() + 1, "each answered over DevTools");
    }

    @Test
    public void anAnswerThroughACallbackArrivesAsWebDriversAsyncScriptGivesIt() {
        String js = "var done = arguments[arguments.length - 1]; var x = arguments[0];"
                + " requestAnimationFrame(function () { done([x, document.title, 3]); });";
        DevToolsTab tab = browser.tab();
        assertNotNull(tab);
        long before = tab.answers();
        assertEquals(tab.evaluate(js, List.of("arg"), true, Duration.ofSeconds(5)),
                ((JavascriptExecutor) driver).executeAsyncScript(js, "arg"));
        assertEquals(tab.answers(), before + 1);
    }

    @Test
    public void aScriptThatThrowsIsAJavascriptErrorEitherWay() {
        JavascriptException direct = expectThrows(JavascriptException.class, () -> browser.read("throw new TypeError('nope here');"));
        assertTrue(direct.getMessage().contains("nope here"), direct.getMessage());
        expectThrows(JavascriptException.class, () -> webDriver("throw new TypeError('nope here');"));
        assertEquals(browser.read("return 2;"), 2L, "the tab still answers after an error");
    }

    @Test
    public void questionsGoToTheTabWebDriverIsIn() {
        String here = driver.getWindowHandle();
        Object there = browser.inNewTab(() -> {
            assertEquals(browser.read("return location.href;"), webDriver("return location.href;"));
            return browser.read("return location.href;");
        });
        assertEquals(there, "about:blank");
        assertEquals(driver.getWindowHandle(), here, "back in the first tab");
        assertEquals(browser.read("return document.title;"), "Questions", "asked in the first tab again");
    }

    @Test
    public void aTabWhoseConnectionWentIsAskedThroughWebDriver() {
        DevToolsTab tab = browser.tab();
        assertNotNull(tab);
        tab.close();
        expectThrows(DevToolsTab.Unavailable.class, () -> tab.evaluate("return 1;", List.of(), false, Duration.ofSeconds(1)));
        assertNull(browser.tab(), "not asked that way again");
        assertEquals(browser.read("return document.title;"), "Questions", "WebDriver answered");
    }

    /** A page that cannot answer (an alert holds it) costs the question's time limit once; then WebDriver says why. */
    @Test
    public void aPageHeldByAnAlertIsAskedThroughWebDriverWhichSaysWhy() {
        Browser quick = new Browser(driver, Duration.ofSeconds(5)).questionsWithin(Duration.ofMillis(700));
        assertNotNull(quick.tab());
        webDriver("setTimeout(function () { alert('held'); }, 0);");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        long start = System.nanoTime();
        WebDriverException e = expectThrows(WebDriverException.class, () -> quick.read("return document.title;"));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e instanceof UnhandledAlertException || String.valueOf(e.getMessage()).contains("alert"), e.toString());
        assertTrue(took < 5_000, "ended within the question's limit, not the page's: " + took + " ms");
        try {
            driver.switchTo().alert().accept();
        } catch (WebDriverException gone) {
            // chromedriver may have dismissed it already
        }
        assertNull(quick.tab(), "that tab is asked through WebDriver from then on");
        assertEquals(quick.read("return document.title;"), "Questions");
    }

    @Test
    public void onlyThisMachinesTabsAreOpened() {
        Map<?, ?> chrome = (Map<?, ?>) ((org.openqa.selenium.HasCapabilities) driver).getCapabilities().getCapability("goog:chromeOptions");
        String address = (String) chrome.get("debuggerAddress");
        DevToolsTab.open(address, driver.getWindowHandle(), Duration.ofSeconds(5)).orElseThrow().close();
        assertTrue(DevToolsTab.open("10.11.12.13:9222", driver.getWindowHandle(), Duration.ofSeconds(5)).isEmpty(), "another machine's address");
        assertTrue(DevToolsTab.open(address, "NO-SUCH-TAB", Duration.ofSeconds(5)).isEmpty(), "a tab this browser does not have");
        assertTrue(DevToolsTab.open(address, "../browser", Duration.ofSeconds(5)).isEmpty(), "not a tab's id");
        assertTrue(DevToolsTab.open(null, driver.getWindowHandle(), Duration.ofSeconds(5)).isEmpty());
        System.setProperty(Browser.DEVTOOLS, "false");
        try {
            assertNull(new Browser(driver, Duration.ofSeconds(5)).tab(), "turned off: WebDriver");
        } finally {
            System.clearProperty(Browser.DEVTOOLS);
        }
    }

    @Test
    public void aPictureTakenOverTheTabHasWebDriversPixels() throws java.io.IOException {
        long before = direct();
        byte[] direct = browser.screenshot();
        assertEquals(direct(), before + 1, "the picture came over DevTools");
        byte[] webDriver = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(direct));
        java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(webDriver));
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        assertTrue(java.util.Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth())), "the same pixels");
    }
}
