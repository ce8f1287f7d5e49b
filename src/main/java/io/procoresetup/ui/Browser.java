package io.procoresetup.ui;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.procoresetup.browser.DevToolsTab;
import io.procoresetup.browser.OkHttpDriverClient;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The page objects' only way to touch the browser: waits on conditions, never sleeps. */
public final class Browser implements io.procoresetup.browser.Screen {
    private static final Locator ERROR_PAGE = UI.headingContaining("something went wrong");
    private static final Locator PASSWORD = new Locator("the password field", "//input[@type='password']");

    /** A wait that has not ended after this long says so, then again every {@link #NOTE_EVERY}. */
    static final Duration NOTE_AFTER = Duration.ofSeconds(5);
    static final Duration NOTE_EVERY = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Duration timeout;
    private ViewportPicture picture;
    private final java.util.function.Consumer<String> note;

    public Browser(WebDriver driver, Duration timeout) { this(driver, timeout, line -> { }); }

    /** {@code note} hears "still waiting for ..." while a page is slow to show (the console, in a run). */
    public Browser(WebDriver driver, Duration timeout, java.util.function.Consumer<String> note) {
        this.driver = driver;
        this.timeout = timeout;
        this.note = note;
    }

    public WebDriver driver() { return driver; }

    public Duration timeout() { return timeout; }

    public void open(String url) {
        try {
            driver.get(url);
        } catch (TimeoutException e) {
            throw new HarnessFailure(Category.NETWORK, "the page " + url + " did not load within the page-load timeout", e);
        } catch (WebDriverException e) {
            throw new HarnessFailure(Category.NETWORK, "could not open " + url + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The address of the page WebDriver is on: asked in the page ({@link #read}), else WebDriver's (which also names the
     * address a failed load was for, where the page itself says chrome-error://).
     */
    public String url() {
        try {
            if (read("return location.href;") instanceof String href && (href.startsWith("http:") || href.startsWith("https:"))) return href;
        } catch (WebDriverException between) {
            // between two documents: WebDriver waits for the new one
        }
        return driver.getCurrentUrl();
    }

    /** Waits until every landmark the page declares is on the page; otherwise names the page and what it lacks. */
    public void expect(PageSpec spec) {
        String page = spec.name();
        Locator[] landmarks = spec.landmarks().toArray(Locator[]::new);
        List<String> xpaths = new ArrayList<>();
        for (Locator l : landmarks) xpaths.add(l.xpath());
        xpaths.add(ERROR_PAGE.xpath());
        xpaths.add(PASSWORD.xpath());
        boolean[][] seen = {null};
        try {
            // one round trip per poll: every landmark is looked for in the page at once
            until(page + " to show", timeout, d -> {
                boolean[] found = presentOrNone(xpaths);
                if (found == null) return false;                       // between two documents
                seen[0] = found;
                boolean all = true;
                for (int i = 0; i < landmarks.length; i++) all &= found[i];
                return all || found[landmarks.length];
            });
        } catch (TimeoutException ignored) {
            // fall through and name what is missing
        }
        boolean[] found = seen[0] == null ? present(xpaths) : seen[0];
        if (found[landmarks.length]) {
            throw new HarnessFailure(Category.NETWORK, page + ": Procore answered with an error page (\"" + observed() + "\") at " + url());
        }
        for (int i = 0; i < landmarks.length; i++) {
            if (!found[i]) {
                if (found[landmarks.length + 1]) {
                    throw new SessionExpired(page + " was not reached: Procore asks to sign in again (session expired)");
                }
                throw new UiChanged(page, landmarks[i], observed());
            }
        }
    }

    private static final String PRESENT = "return arguments[0].map(function (x) { return document.readyState === 'complete'"
            + " && document.evaluate(x, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null; });";

    /**
     * Which of these XPaths match something on the page now, in one round trip. Nothing counts until the
     * document has finished loading, so the page's scripts are in place before anything is clicked.
     */
    @SuppressWarnings("unchecked")
    boolean[] present(List<String> xpaths) {
        List<Boolean> r = (List<Boolean>) read(PRESENT, xpaths);
        boolean[] out = new boolean[xpaths.size()];
        for (int i = 0; i < out.length; i++) out[i] = Boolean.TRUE.equals(r.get(i));
        return out;
    }

    /**
     * Waits until one of {@code options} shows and returns its index; an error page, a sign-in page (unless
     * {@code onLogin}) or nothing at all become the matching failure, naming the page.
     */
    public int awaitOne(PageSpec spec, boolean onLogin, Locator... options) {
        String page = spec.name();
        List<String> xpaths = new ArrayList<>();
        for (Locator l : options) xpaths.add(l.xpath());
        xpaths.add(ERROR_PAGE.xpath());
        xpaths.add(PASSWORD.xpath());
        int n = options.length;
        int[] hit = {-1};
        try {
            until(page + " to show", timeout, d -> {
                boolean[] found = presentOrNone(xpaths);
                if (found == null) return false;                       // between two documents
                if (found[n]) { hit[0] = n; return true; }
                if (!onLogin && found[n + 1]) { hit[0] = n + 1; return true; }    // back on the sign-in page
                for (int i = 0; i < n; i++) if (found[i]) { hit[0] = i; return true; }
                return false;
            });
        } catch (TimeoutException e) {
            throw new UiChanged(page, options[0], observed());
        }
        if (hit[0] == n) throw new HarnessFailure(Category.NETWORK, page + ": Procore answered with an error page (\"" + observed() + "\") at " + url());
        if (hit[0] == n + 1) throw new SessionExpired(page + " was not reached: Procore asks to sign in again (session expired)");
        return hit[0];
    }

    /**
     * Waits until a list that may arrive after the page (fetched behind a skeleton) is there and nothing
     * on the page is still loading; "page loaded" is not "rows present".
     */
    public void awaitList(PageSpec page, Locator list) {
        List<String> xpaths = List.of(list.xpath(), UI.loading().xpath());
        try {
            until(page + "'s list to load", timeout, d -> {
                boolean[] f = presentOrNone(xpaths);
                return f != null && f[0] && !f[1];
            });
        } catch (TimeoutException e) {
            throw new UiChanged(page, list, observed());
        }
    }

    /** chromedriver's words for an element or script caught while one document replaces another. */
    static boolean betweenDocuments(WebDriverException e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof StaleElementReferenceException || m.contains("does not belong to the document")
                || m.contains("execution context") || m.contains("Cannot find context");
    }

    /** A wait condition that reads "not yet" while the browser is between two documents. */
    static <T> java.util.function.Function<WebDriver, T> settling(org.openqa.selenium.support.ui.ExpectedCondition<T> c) {
        return d -> {
            try {
                return c.apply(d);
            } catch (WebDriverException e) {
                if (betweenDocuments(e)) return null;
                throw e;
            }
        };
    }

    /** As {@link #present(List)}, or null while the browser is between two documents. */
    private boolean[] presentOrNone(List<String> xpaths) {
        try {
            return present(xpaths);
        } catch (org.openqa.selenium.JavascriptException e) {
            return null;
        } catch (WebDriverException e) {
            if (betweenDocuments(e)) return null;
            throw e;
        }
    }

    /**
     * Shown as a person sees it (Selenium's isDisplayed, in one round trip instead of one per element): in the
     * document, not hidden by display, visibility or an opacity of 0 on it or an ancestor, and with a size.
     */
    private static final String SHOWN = "function shown(e) {"
            + " if (!e || !e.isConnected) return false;"
            + " if (e.checkVisibility && !e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;"
            + " var s = getComputedStyle(e); if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse') return false;"
            + " for (var a = e; a && a.nodeType === 1; a = a.parentElement) if (getComputedStyle(a).opacity === '0') return false;"
            + " var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }"
            + " function firstShown(x) { var it = document.evaluate(x, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);"
            + " for (var i = 0; i < it.snapshotLength; i++) if (shown(it.snapshotItem(i))) return it.snapshotItem(i); return null; }";
    /** [the first shown match, true] once the document has loaded. */
    private static final String FIRST_SHOWN = SHOWN + " if (document.readyState !== 'complete') return null;"
            + " var e = firstShown(arguments[0]); return e === null ? null : [e, true];";
    /** [the first shown match, whether it now holds exactly the text] once the document has loaded. */
    private static final String FILL = SHOWN + " if (document.readyState !== 'complete') return null;"
            + " var e = firstShown(arguments[0]); if (e === null) return null;"
            + " e.focus(); if (typeof e.select === 'function') e.select();"
            + " var done = document.execCommand('insertText', false, arguments[1]);"
            + " return [e, done === true && e.value === arguments[1]];";
    private static final String ANY_SHOWN = SHOWN + " return firstShown(arguments[0]) !== null;";
    /**
     * [the first shown match, the text it shows a person] once the document has loaded: its rendered text, with
     * no-break spaces as plain ones, as WebDriver's getText gives it.
     */
    private static final String SHOWN_TEXT = SHOWN + " if (document.readyState !== 'complete') return null;"
            + " var e = firstShown(arguments[0]); return e === null ? null : [e, e.innerText.replace(/\\u00a0/g, ' ')];";

    /**
     * [the first shown match, whether it is checked] once the document has loaded: a checkbox's or radio's own
     * state (as WebDriver's isSelected reads it), or aria-checked where the control is a role="checkbox".
     */
    private static final String SHOWN_CHECKED = SHOWN + " if (document.readyState !== 'complete') return null;"
            + " var e = firstShown(arguments[0]); if (e === null) return null;"
            + " return [e, 'checked' in e && e.tagName === 'INPUT' ? e.checked === true : e.getAttribute('aria-checked') === 'true'];";

    /** Whether the box shows checked, once it shows (one round trip per look). */
    public boolean checked(PageSpec page, Locator l) { return Boolean.TRUE.equals(shown(page, l, SHOWN_CHECKED, "", true).get(1)); }

    /** Whether the element is on the page and shown. */
    public boolean visible(Locator l) {
        try {
            return Boolean.TRUE.equals(read(ANY_SHOWN, l.xpath()));
        } catch (WebDriverException e) {                              // a document being replaced: nothing is shown yet
            if (e instanceof org.openqa.selenium.JavascriptException || betweenDocuments(e)) return false;
            throw e;
        }
    }

    /** Reports which of the landmarks are present right now, without waiting. */
    public List<Locator> missing(Locator... landmarks) {
        List<Locator> out = new ArrayList<>();
        for (Locator l : landmarks) if (driver.findElements(l.by()).isEmpty()) out.add(l);
        return out;
    }

    private static boolean errorPage(WebDriver d) { return !d.findElements(ERROR_PAGE.by()).isEmpty(); }

    /** The page's main heading or title: what a person would say the page shows. */
    public String observed() {
        List<WebElement> h1 = driver.findElements(org.openqa.selenium.By.xpath("//h1"));
        try {
            if (!h1.isEmpty()) return h1.get(0).getText().strip();
            return driver.getTitle();
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** Waits until the element shows (one round trip per look) and returns it. */
    public WebElement find(PageSpec page, Locator l) { return (WebElement) shown(page, l, FIRST_SHOWN, "", false).get(0); }

    /** Waits until the element shows, asking the page (one question per look); for a caller that needs no element. */
    public void awaitShown(PageSpec page, Locator l) { shown(page, l, FIRST_SHOWN, "", true); }

    /**
     * What {@code js} answers for the first shown match, once it shows (one round trip per look). {@code question}: the
     * caller reads no element from the answer, so it may be asked in the page directly ({@link #read}).
     */
    private List<?> shown(PageSpec page, Locator l, String js, String arg, boolean question) {
        try {
            return until(page.name() + " to show " + l.description(), timeout, d -> {
                try {
                    return (List<?>) (question ? read(js, l.xpath(), arg) : script(js, l.xpath(), arg));
                } catch (org.openqa.selenium.JavascriptException e) {
                    return null;                                      // between two documents
                } catch (WebDriverException e) {
                    if (betweenDocuments(e)) return null;
                    throw e;
                }
            });
        } catch (TimeoutException e) {
            throw new UiChanged(page, l, observed());
        }
    }

    /**
     * Where a person would click the element, in one round trip: "busy" while a list shown on the page is still loading
     * (its skeleton goes when it arrives, and what is below it moves), else the first shown match of an XPath (or
     * the element given), brought into view when it is not, and its centre, provided it stands still (the same box
     * in the next animation frame) and the element itself (or something inside it) is what a click there hits.
     * Null when it does not show yet, the document is still loading, something covers it, or it moves.
     */
    private static final String CLICK_POINT = SHOWN + " var done = arguments[arguments.length - 1];"
            + " if (document.readyState !== 'complete') { done(null); return; }"
            + " var busy = document.evaluate(\"//*[@aria-busy='true']\", document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);"
            + " for (var b = 0; b < busy.snapshotLength; b++) if (shown(busy.snapshotItem(b))) { done('busy'); return; }"
            + " var e = typeof arguments[0] === 'string' ? firstShown(arguments[0]) : arguments[0];"
            + " if (!e || !shown(e)) { done(null); return; }"
            + " var r = e.getBoundingClientRect();"
            + " if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {"
            + "   e.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'}); r = e.getBoundingClientRect(); }"
            + " var answered = false, answer = function (v) { if (!answered) { answered = true; done(v); } };"
            + " setTimeout(function () { answer(null); }, 500);"        // no frame comes (a background page): the slower click
            + " requestAnimationFrame(function () {"
            + "   var q = e.isConnected ? e.getBoundingClientRect() : null;"
            + "   if (!q || q.top !== r.top || q.left !== r.left || q.width !== r.width || q.height !== r.height) { answer(null); return; }"
            + "   var x = Math.floor(q.left + q.width / 2), y = Math.floor(q.top + q.height / 2), hit = document.elementFromPoint(x, y);"
            + "   answer(hit && (hit === e || e.contains(hit)) ? [x, y] : null); });";

    /**
     * How long a click waits for a shown list to finish loading (a list in a hidden tab may wait for the tab, and a
     * list whose fetch failed stays busy): then chromedriver's own click, which does not wait for lists.
     */
    private static final Duration LIST_LOADING = Duration.ofSeconds(3);

    /** What {@link #clickAtPoint} waits on: a point, or this when the point is not known (no need to wait longer). */
    private static final Object NOT_HERE = new Object();

    /**
     * A person's click where {@link #CLICK_POINT} says, once no shown list is loading: the mouse moves there, presses
     * and releases, as one W3C action (trusted events, one round trip). chromedriver's own element click asks the page a
     * dozen questions first (about 0.1 s a click, measured); this asks one. False when the point is not known (or a
     * shown list is still loading after {@link #LIST_LOADING}): the caller clicks the slower way, which waits and scrolls.
     */
    private boolean clickAtPoint(PageSpec page, Object target) {
        if (!(driver instanceof Interactive person)) return false;
        Object r;
        try {
            r = until(page.name() + " to finish loading its lists", LIST_LOADING.compareTo(timeout) < 0 ? LIST_LOADING : timeout, d -> {
                Object a = target instanceof String ? ask(true, CLICK_POINT, target) : ((JavascriptExecutor) d).executeAsyncScript(CLICK_POINT, target);
                return "busy".equals(a) ? null : a == null ? NOT_HERE : a;
            });
        } catch (TimeoutException | org.openqa.selenium.JavascriptException | StaleElementReferenceException e) {
            return false;
        } catch (WebDriverException e) {
            if (betweenDocuments(e)) return false;
            throw e;
        }
        if (!(r instanceof List<?> xy) || xy.size() != 2) return false;
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
        int left = PointerInput.MouseButton.LEFT.asArg();
        person.perform(List.of(new Sequence(mouse, 0)
                .addAction(mouse.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), ((Number) xy.get(0)).intValue(),
                        ((Number) xy.get(1)).intValue()))
                .addAction(mouse.createPointerDown(left))
                .addAction(mouse.createPointerUp(left))));
        return true;
    }

    /**
     * Runs {@code body} in a new tab of this browser (same sign-in), then closes that tab and comes back to this
     * one, whose page is left as it was; back here even when {@code body} fails.
     */
    public <T> T inNewTab(java.util.function.Supplier<T> body) {
        String here = handle != null ? handle : driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        handle = null;
        try {
            return body.get();
        } finally {
            try {
                String gone = handle;
                handle = null;
                Optional<DevToolsTab> closing = gone == null ? null : tabs.remove(gone);
                if (closing != null) closing.ifPresent(DevToolsTab::close);
                driver.close();
            } finally {
                driver.switchTo().window(here);
                handle = here;
            }
        }
    }

    /** Clicks at once when the element is ready (the usual case); otherwise waits until it is clickable. */
    public void click(PageSpec page, Locator l) {
        if (clickAtPoint(page, l.xpath())) return;
        try {
            driver.findElement(l.by()).click();
            return;
        } catch (NoSuchElementException | ElementNotInteractableException | StaleElementReferenceException e) {
            // not there yet, or covered: wait for it below
        } catch (WebDriverException e) {
            if (!betweenDocuments(e)) throw e;
        }
        try {
            WebElement el = new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class)
                    .until(settling(ExpectedConditions.elementToBeClickable(l.by())));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", el);
            el.click();
        } catch (TimeoutException e) {
            throw new UiChanged(page, l, observed());
        }
    }

    /** Clicks an element found by a page object's own reading of the page; brought into view when something covers it. */
    public void click(PageSpec page, WebElement el) {
        if (clickAtPoint(page, el)) return;
        try {
            el.click();
        } catch (ElementNotInteractableException e) {                  // covered (e.g. by a sticky footer) or out of view
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", el);
            try {
                new WebDriverWait(driver, timeout).until(settling(ExpectedConditions.elementToBeClickable(el))).click();
            } catch (TimeoutException t) {
                throw new UiChanged(page, new Locator("a clickable " + el.getTagName(), "(found by script)"), observed());
            }
        }
    }

    /**
     * Puts text in a field as a paste or Playwright's fill does (focus, select what is there, insert the text as
     * one edit, with the input events a person's typing fires), in one round trip; where the field takes the
     * text otherwise (a mask, a length limit), it is typed key by key instead.
     */
    public void type(PageSpec page, Locator l, String text) {
        List<?> found = shown(page, l, FILL, text, false);
        if (Boolean.TRUE.equals(found.get(1))) return;
        WebElement el = (WebElement) found.get(0);
        el.clear();
        el.sendKeys(text);
    }

    /** What the element shows, once it shows: found and read in one round trip. */
    public String text(PageSpec page, Locator l) { return String.valueOf(shown(page, l, SHOWN_TEXT, "", true).get(1)).strip(); }

    /**
     * [whether the XPath matches anything, the first match's text as WebDriver's getText gives it: what it shows a
     * person, nothing when it is hidden]: one question to the page.
     */
    private static final String FIRST_TEXT = SHOWN + " var e = document.evaluate(arguments[0], document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;"
            + " return e === null ? [false, ''] : [true, shown(e) ? e.innerText.replace(/\\u00a0/g, ' ') : ''];";

    /** The first match's text (empty when it is hidden), or empty when nothing matches now. */
    public Optional<String> textIfPresent(Locator l) {
        try {
            if (read(FIRST_TEXT, l.xpath()) instanceof List<?> r && r.size() == 2) {
                return Boolean.TRUE.equals(r.get(0)) ? Optional.of(String.valueOf(r.get(1)).strip()) : Optional.empty();
            }
        } catch (WebDriverException between) {
            // between two documents: WebDriver waits for the new one
        }
        List<WebElement> els = driver.findElements(l.by());
        return els.isEmpty() ? Optional.empty() : Optional.of(els.get(0).getText().strip());
    }

    private static final String PRESENT_NOW = "return document.evaluate(arguments[0], document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null;";

    /** Whether anything on the page matches now (shown or not): one question to the page. */
    public boolean present(Locator l) {
        try {
            if (read(PRESENT_NOW, l.xpath()) instanceof Boolean b) return b;
        } catch (WebDriverException between) {
            // between two documents: WebDriver waits for the new one
        }
        return !driver.findElements(l.by()).isEmpty();
    }

    public List<WebElement> all(Locator l) { return driver.findElements(l.by()); }

    /**
     * Between two looks at the page. A look is one round trip (about 10 ms), so this keeps a wait's end within
     * 35 ms of the page getting there; a page-to-page step usually ends its wait on the first or second look.
     */
    static final Duration POLL = Duration.ofMillis(25);

    /** Waits for a condition, polling often; the condition's description goes into the timeout message. */
    public <T> T until(String what, Duration max, Function<WebDriver, T> condition) {
        return until(what, max, condition, note);
    }

    /** As {@link #until}, without "still waiting" lines: for waits that narrate their own progress. */
    public <T> T untilQuietly(String what, Duration max, Function<WebDriver, T> condition) {
        return until(what, max, condition, line -> { });
    }

    private <T> T until(String what, Duration max, Function<WebDriver, T> condition, java.util.function.Consumer<String> note) {
        long start = System.nanoTime();
        long[] nextNote = {NOTE_AFTER.toMillis()};
        return new FluentWait<>(driver).withTimeout(max).pollingEvery(POLL)
                .ignoring(StaleElementReferenceException.class).withMessage(what).until(d -> {
                    T r = condition.apply(d);
                    long waited = (System.nanoTime() - start) / 1_000_000;
                    if ((r == null || Boolean.FALSE.equals(r)) && waited >= nextNote[0]) {
                        nextNote[0] += NOTE_EVERY.toMillis();
                        note.accept("      still waiting for " + what + " (" + waited / 1000 + " s of " + max.toSeconds() + " s)");
                    }
                    return r;
                });
    }

    private static final String MARK = "window.__harnessPage = true;";
    private static final String NEW_PAGE = "return window.__harnessPage === undefined && document.readyState === 'complete';";

    /** Marks the current document, so {@link #awaitNewPage()} can tell when a new one has replaced it. */
    public void markPage() { read(MARK); }

    /**
     * Waits until the marked document is replaced (after a form post or a reload) and the new one has
     * finished loading. Errors while the browser is between two documents only mean "not yet".
     */
    public void awaitNewPage() {
        until("the page to reload", timeout, d -> {
            try {
                return Boolean.TRUE.equals(read(NEW_PAGE));
            } catch (WebDriverException between) {
                return false;
            }
        });
    }

    /** The raw picture: only the evidence's screenshot guard calls this; everyone else asks the guard. */
    @Override
    public byte[] screenshot() {
        if (picture == null) picture = new ViewportPicture(driver, Duration.ofSeconds(60)).through(this::tab);
        return picture.take();
    }

    @Override
    public String pageSource() { return driver.getPageSource(); }

    @Override
    public Object script(String js, Object... args) { return ((JavascriptExecutor) driver).executeScript(js, args); }

    /**
     * A question to the page: a script that returns plain values (no elements) and changes nothing a person would see.
     * Asked in the tab directly over Chromium's DevTools where this is a Chromium on this machine ({@link DevToolsTab},
     * about 2 ms instead of about 15 ms through chromedriver), else through WebDriver; the same answer either way.
     */
    @Override
    public Object read(String js, Object... args) { return ask(false, js, args); }

    private Object ask(boolean async, String js, Object... args) {
        DevToolsTab tab = tab();
        if (tab != null) {
            try {
                return tab.evaluate(js, java.util.Arrays.asList(args), async, question);
            } catch (DevToolsTab.Unavailable e) {
                // WebDriver answers instead: this once (a page between two documents, which WebDriver waits for), or from
                // now on for this tab when its connection went or the page did not answer (WebDriver then says why)
            }
        }
        JavascriptExecutor x = (JavascriptExecutor) driver;
        return async ? x.executeAsyncScript(js, args) : x.executeScript(js, args);
    }

    /** Closes this browser's DevTools connections (its tabs are asked again, newly connected, when next asked). */
    void closeTabs() {
        tabs.values().forEach(t -> t.ifPresent(DevToolsTab::close));
        tabs.clear();
    }

    /** How long a question over DevTools may take before this tab is asked through WebDriver instead. */
    private Duration question = Duration.ofSeconds(10);

    /** A shorter limit for questions over DevTools (tests of a page that cannot answer). */
    Browser questionsWithin(Duration limit) {
        this.question = limit;
        return this;
    }

    /** System property: "false" asks every question through WebDriver (the way a Grid's browser is asked). */
    public static final String DEVTOOLS = "harness.devtools";

    /** The window WebDriver talks to (null: ask it); its DevTools tabs by window handle (empty: that tab is asked through WebDriver). */
    private String handle;
    private final java.util.Map<String, Optional<DevToolsTab>> tabs = new java.util.HashMap<>();
    private Optional<String> debuggerAddress;

    /** The current tab's direct connection, opened on first use; null where questions go through WebDriver. */
    DevToolsTab tab() {
        if (debuggerAddress == null) debuggerAddress = Optional.ofNullable(debuggerAddress(driver));
        if (debuggerAddress.isEmpty()) return null;
        if (handle == null) handle = driver.getWindowHandle();
        Optional<DevToolsTab> tab = tabs.computeIfAbsent(handle, h -> DevToolsTab.open(debuggerAddress.get(), h, Duration.ofSeconds(5)));
        return tab.filter(DevToolsTab::open).orElse(null);
    }

    /** Chromium's DevTools address, as chromedriver reports it, unless turned off ({@link #DEVTOOLS}). */
    private static String debuggerAddress(WebDriver driver) {
        if ("false".equalsIgnoreCase(System.getProperty(DEVTOOLS, "true"))) return null;
        if (!(driver instanceof org.openqa.selenium.HasCapabilities h)) return null;
        return h.getCapabilities().getCapability("goog:chromeOptions") instanceof java.util.Map<?, ?> m
                && m.get("debuggerAddress") instanceof String a ? a : null;
    }

    static String firstLine(String s) { return s == null ? "" : s.lines().findFirst().orElse(""); }

    /** The session ended under us: Procore shows its sign-in page again. */
    public static final class SessionExpired extends HarnessFailure {
        public SessionExpired(String message) { super(Category.NETWORK, message); }
    }

    /**
     * The picture of the viewport, as Chromium's DevTools take it through chromedriver's CDP endpoint
     * ({@code /session/{id}/goog/cdp/execute}, {@code Page.captureScreenshot}) with {@code optimizeForSpeed}: PNG with a faster
     * compression, the same pixels (PNG is lossless), larger files. Measured on the 2-core machine against a simulator page
     * (README "Performance"): about 55 ms a picture against 74 ms for WebDriver's screenshot, which asks for the default
     * compression; the answer is read by Jackson straight into bytes instead of through Selenium's JSON reader.
     * Headless Chromium only: WebDriver's screenshot first brings its tab to the front, and a headed browser's hidden tab
     * may draw no frame to capture. A driver that does not answer it (not Chromium, a Grid that wants credentials), or a
     * picture it could not give (an alert open, say), gets WebDriver's own screenshot from then on: only speed is lost.
     */
    static final class ViewportPicture {
        private static final JsonFactory JSON = new JsonFactory();
        private static final MediaType TYPE = MediaType.get("application/json; charset=utf-8");
        private static final byte[] ASK = "{\"cmd\":\"Page.captureScreenshot\",\"params\":{\"format\":\"png\",\"optimizeForSpeed\":true}}"
                .getBytes(StandardCharsets.UTF_8);

        private static final java.util.Map<String, Object> PARAMS = java.util.Map.of("format", "png", "optimizeForSpeed", true);

        private final WebDriver driver;
        private final String url;            // null: WebDriver's screenshot
        private final OkHttpClient http;
        private final Duration timeout;
        private volatile boolean devTools;
        /** The current tab's own DevTools connection (null where there is none): asked first, without chromedriver between. */
        private java.util.function.Supplier<DevToolsTab> tab = () -> null;

        ViewportPicture(WebDriver driver, Duration timeout) { this(driver, devToolsUrl(driver), timeout); }

        /** {@code url}: chromedriver's CDP endpoint for this session, or null for WebDriver's screenshot. */
        ViewportPicture(WebDriver driver, String url, Duration timeout) {
            this.driver = driver;
            this.url = url;
            this.devTools = url != null;
            this.timeout = timeout;
            this.http = url == null ? null : OkHttpDriverClient.shared(url).newBuilder().readTimeout(timeout).writeTimeout(timeout).build();
        }

        private static String devToolsUrl(WebDriver driver) {
            if (driver instanceof RemoteWebDriver r && r.getCommandExecutor() instanceof HttpCommandExecutor h
                    && r.getSessionId() != null && isChromium(r) && headless(r)) {
                return h.getAddressOfRemoteServer().toString().replaceAll("/+$", "") + "/session/" + r.getSessionId() + "/goog/cdp/execute";
            }
            return null;
        }

        private static boolean headless(RemoteWebDriver r) {
            try {
                return String.valueOf(r.executeScript("return navigator.userAgent;")).contains("HeadlessChrome");
            } catch (RuntimeException e) {
                return false;
            }
        }

        private static boolean isChromium(RemoteWebDriver r) {
            String name = String.valueOf(r.getCapabilities().getBrowserName()).toLowerCase(Locale.ROOT);
            return name.contains("chrome") || name.contains("chromium");
        }

        /** Takes the pictures over the tab's own DevTools connection where it has one (headless Chromium on this machine). */
        ViewportPicture through(java.util.function.Supplier<DevToolsTab> tab) {
            this.tab = tab;
            return this;
        }

        /** Whether the pictures come from DevTools (false after the first one the driver would not give). */
        boolean throughDevTools() { return devTools; }

        /** The PNG of what the viewport shows now. */
        byte[] take() {
            if (devTools) {
                byte[] png = direct();
                if (png == null) png = devTools();
                if (png != null) return png;
                devTools = false;
            }
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }

        /** The picture over the tab's own connection; null when there is none or it gave none. */
        private byte[] direct() {
            try {
                DevToolsTab t = tab.get();
                if (t == null) return null;
                Object data = t.send("Page.captureScreenshot", PARAMS, timeout).get("data");
                byte[] png = data instanceof String base64 ? java.util.Base64.getDecoder().decode(base64) : null;
                return isPng(png) ? png : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static boolean isPng(byte[] png) { return png != null && png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G'; }

        private byte[] devTools() {
            try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(ASK, TYPE)).build()).execute()) {
                if (!r.isSuccessful() || r.body() == null) return null;
                try (InputStream in = r.body().byteStream(); JsonParser p = JSON.createParser(in)) {
                    // {"value":{"data":"<base64>"}}
                    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                        if (t == JsonToken.FIELD_NAME && "data".equals(p.currentName())
                                && p.nextToken() == JsonToken.VALUE_STRING) {
                            byte[] png = p.getBinaryValue();
                            return isPng(png) ? png : null;
                        }
                    }
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
