package io.procoresetup.ui;

/** "Projects <user> Does Not Belong To" with Add All and its progress indicator (guide, step 6). */
public final class AddAllPanel {
    static final Locator SECTION = UI.sectionContaining("Projects", "Does Not Belong To");
    static final Locator ADD_ALL = UI.button("Add All");
    static final Locator PROGRESS = UI.progressBar();
    static final Locator COMPLETE = UI.text("Complete");
    static final Locator OK = UI.button("OK").within(UI.dialog());
    static final Locator ROWS = UI.rows().within(SECTION);

    /** What the progress indicator says at one moment. */
    public record Progress(int percent, boolean complete, String failure) {}

    private final Browser browser;

    AddAllPanel(Browser browser) { this.browser = browser; }

    /** Projects still listed as not belonging to the user. */
    public int remaining() { return browser.all(ROWS).size(); }

    public boolean offered() { return browser.visible(ADD_ALL); }

    /** A job is already running (the page shows Cancel and the progress indicator): e.g. a run that stopped mid-way. */
    public boolean running() { return browser.visible(UI.button("Cancel").within(SECTION)) && browser.visible(PROGRESS); }

    /** Why Add All is not offered, in Procore's words (e.g. 2,000 or more active projects). */
    public String whyNotOffered() {
        return browser.textIfPresent(UI.textContaining("Add All").within(SECTION)).orElse("no Add All button on the page");
    }

    public void start() { browser.click("AddAllPanel", ADD_ALL); }

    private static final String READ = """
            function one(x) { return document.evaluate(x, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue; }
            function shown(x) {
              var r = document.evaluate(x, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
              for (var i = 0; i < r.snapshotLength; i++) if (r.snapshotItem(i).getClientRects().length > 0) return true;
              return false;
            }
            var bar = one(arguments[0]);
            var pct = -1;
            if (bar) {
              var now = bar.getAttribute('aria-valuenow');
              var text = (bar.textContent || '').replace(/[^0-9]/g, '');
              pct = now && /^[0-9]+$/.test(now) ? parseInt(now, 10) : (text ? parseInt(text, 10) : -1);
            }
            var alert = one(arguments[3]);
            return [pct, shown(arguments[1]) || shown(arguments[2]), alert ? alert.textContent.trim() : ''];""";

    /** Reads the indicator now, in one round trip: its percentage (aria-valuenow, else "NN%"), Complete, or a failure. */
    @SuppressWarnings("unchecked")
    public Progress read() {
        java.util.List<Object> r = (java.util.List<Object>) browser.script(READ, PROGRESS.xpath(), COMPLETE.xpath(), OK.xpath(),
                UI.alert().within(SECTION).xpath());
        int pct = Math.max(0, ((Number) r.get(0)).intValue());
        String failure = (String) r.get(2);
        return new Progress(pct, Boolean.TRUE.equals(r.get(1)), failure == null || failure.isBlank() ? null : failure);
    }

    /** Clicks OK in the confirmation window; Procore refreshes the page. */
    public EditUserPage confirm() {
        browser.markPage();
        browser.click("AddAllPanel", OK);
        browser.awaitNewPage();
        return new EditUserPage(browser);
    }
}
