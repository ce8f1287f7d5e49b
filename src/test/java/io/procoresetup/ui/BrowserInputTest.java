package io.procoresetup.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.time.Duration;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Browser's one-call fill, visibility and click against a page the simulator does not have (real Chromium): text
 * nobody would type, a field that already holds text, a length limit, a field that rewrites what it is given (filled
 * key by key then), elements hidden the ways a page hides them, a button far down the page and one under a cover.
 */
public class BrowserInputTest extends OneChromium {
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
            + "<div style='position:relative'><button>Covered</button>"
            + "<div style='position:absolute;inset:0;background:#fff'>a cover</div></div>"
            + "<p>Client&nbsp;ID: <b>abc</b><span style='display:none'> hidden</span></p>"
            + "<label><input type=checkbox checked> Ticked</label><label><input type=checkbox> Unticked</label>"
            + "<div role=checkbox aria-checked=true>Drawn ticked</div><div role=checkbox aria-checked=false>Drawn unticked</div>"
            + "<button style='margin-top:3000px'><span>Far</span> down</button>"
            + "<script>window.heard = [];"
            + "['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'].forEach(function (type) {"
            + "  document.addEventListener(type, function (e) { if (e.target.closest('button'))"
            + "    window.heard.push(type + ' ' + e.target.closest('button').textContent + ' ' + e.isTrusted); }, true); });"
            + "window.events = 0; document.getElementById('plain').addEventListener('input', function () { window.events++; });"
            + "var up = document.getElementById('upper'); up.addEventListener('input', function () { up.value = up.value.toUpperCase(); });"
            + "</script></body></html>";

    private Browser browser;

    @BeforeMethod
    public void open() {
        if (browser == null) browser = new Browser(driver, Duration.ofSeconds(5));
        driver.get(page(HTML));
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

    @SuppressWarnings("unchecked")
    private java.util.List<String> heard() {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript("return window.heard;");
    }

    /** A click is a person's: pressed and released where the button shows (scrolled to first), events the page can trust. */
    @Test
    public void aClickFarDownThePageIsAPersonsClickOnTheButton() {
        browser.click(PAGE, UI.button("Far down"));
        assertEquals(heard(), java.util.List.of("pointerdown Far down true", "mousedown Far down true", "pointerup Far down true",
                "mouseup Far down true", "click Far down true"));
        long y = (Long) ((JavascriptExecutor) driver).executeScript("return Math.round(window.scrollY);");
        assertTrue(y > 2000, "brought into view first: scrolled to " + y);
    }

    /** What a person cannot click is not clicked: the cover takes a person's click, so the harness refuses to click through it. */
    @Test
    public void aCoveredButtonIsNotClickedThroughItsCover() {
        org.testng.Assert.expectThrows(org.openqa.selenium.WebDriverException.class, () -> browser.click(PAGE, UI.button("Covered")));
        assertEquals(heard(), java.util.List.of(), "nothing reached the covered button");
    }

    /** Text is read as a person reads it, as WebDriver's getText gives it: no-break spaces plain, hidden parts left out. */
    @Test
    public void textIsWhatAPersonReads() {
        Locator note = new Locator("the note", "//p[starts-with(normalize-space(), 'Client')]");
        assertEquals(browser.text(PAGE, note), "Client ID: abc");
        assertEquals(browser.text(PAGE, note), driver.findElement(note.by()).getText());
    }

    /** A box is checked as WebDriver's isSelected reads a checkbox, and as aria-checked says where it is drawn. */
    @Test
    public void aBoxIsCheckedAsItShows() {
        for (String label : java.util.List.of("Ticked", "Unticked")) {
            Locator box = new Locator("the " + label + " box", "//label[normalize-space()=" + UI.lit(label) + "]/input");
            assertEquals(browser.checked(PAGE, box), driver.findElement(box.by()).isSelected(), label);
            assertEquals(browser.checked(PAGE, box), label.equals("Ticked"), label);
        }
        assertTrue(browser.checked(PAGE, new Locator("drawn ticked", "//*[@role='checkbox'][.='Drawn ticked']")));
        assertFalse(browser.checked(PAGE, new Locator("drawn unticked", "//*[@role='checkbox'][.='Drawn unticked']")));
        driver.findElement(By.xpath("//label[normalize-space()='Unticked']/input")).click();
        assertTrue(browser.checked(PAGE, new Locator("the box", "//label[normalize-space()='Unticked']/input")), "read again, not remembered");
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

    /**
     * The picture comes from DevTools, PNG compressed for speed, with exactly WebDriver's pixels; a driver that will not
     * give it that way (here: nothing listens at the address) gets WebDriver's own screenshot, and keeps it.
     */
    @Test
    public void theViewportPictureHasWebDriversPixels() throws java.io.IOException {
        Browser.ViewportPicture fast = new Browser.ViewportPicture(driver, Duration.ofSeconds(10));
        assertTrue(fast.throughDevTools(), "a local headless chromedriver session answers DevTools");
        byte[] devTools = fast.take();
        assertTrue(fast.throughDevTools(), "and kept answering");
        byte[] webDriver = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        assertTrue(java.util.Arrays.equals(pixels(devTools), pixels(webDriver)), "the same picture");

        Browser.ViewportPicture refused = new Browser.ViewportPicture(driver, "http://127.0.0.1:9/none", Duration.ofSeconds(10));
        assertTrue(refused.throughDevTools());
        assertTrue(java.util.Arrays.equals(pixels(refused.take()), pixels(webDriver)), "WebDriver's screenshot instead");
        assertFalse(refused.throughDevTools(), "not asked again");
    }

    /** Width, height, then every pixel's RGB. */
    private static int[] pixels(byte[] png) throws java.io.IOException {
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100, img.getWidth() + "x" + img.getHeight());
        int[] out = new int[2 + img.getWidth() * img.getHeight()];
        out[0] = img.getWidth();
        out[1] = img.getHeight();
        img.getRGB(0, 0, img.getWidth(), img.getHeight(), out, 2, img.getWidth());
        return out;
    }
}
