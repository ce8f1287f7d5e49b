package io.procoresetup.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Projects <user> Does Not Belong To (N)" with Add All (guide, step 6). Progress shows as a percentage
 * (the guide) or only as projects moving out of this list, one by one, until "Complete" (Procore's
 * current app); the count in the heading is what a person reads either way.
 */
public final class AddAllPanel {
    static final Locator HEADING = UI.headingContaining("Projects", "Does Not Belong To");
    static final Locator SECTION = UI.sectionContaining("Projects", "Does Not Belong To");
    static final Locator ADD_ALL = UI.button("Add All");
    static final Locator PROGRESS = UI.progressBar();
    /** A progress bar or a live status line: where the running job is reported. */
    static final Locator INDICATOR = UI.progress().within(SECTION);
    static final Locator COMPLETE = UI.text("Complete");
    static final Locator OK = UI.button("OK").within(UI.dialog());
    /** Nothing here proves the page (Add All is not offered at 2,000+ projects); step 6 uses these. */
    static final PageSpec SPEC = PageSpec.of(AddAllPanel.class).uses(SECTION, ADD_ALL, INDICATOR);
    private static final Pattern COUNT = Pattern.compile("\\((\\d[\\d,]*)\\)\\s*$");

    /**
     * What the page says about the job at one moment: the percentage (-1 when none is shown), the
     * projects still listed as not belonging, Complete, or a failure in Procore's words.
     */
    public record Progress(int percent, int remaining, boolean complete, String failure) {}

    private final Browser browser;

    AddAllPanel(Browser browser) { this.browser = browser; }

    /** Projects still listed as not belonging to the user: the count in the section's heading. */
    public int remaining() {
        int n = count(browser.text(SPEC, HEADING));
        if (n < 0) throw new UiChanged(SPEC, new Locator("the count of projects in " + HEADING.description(), HEADING.xpath()), browser.observed());
        return n;
    }

    static int count(String heading) {
        Matcher m = COUNT.matcher(heading == null ? "" : heading.strip());
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
    }

    public boolean offered() { return browser.visible(ADD_ALL); }

    /** The indicator while it reports something: a percentage, or a line such as "Adding projects…". */
    private static final Locator REPORTING = new Locator("the progress indicator", INDICATOR.xpath() + "[normalize-space()]");

    /** A job is already running (the page shows Cancel and its progress beside the list): e.g. a run that stopped mid-way. */
    public boolean running() { return browser.visible(UI.button("Cancel").within(SECTION)) && browser.visible(REPORTING); }

    /** Why Add All is not offered, in Procore's words (e.g. 2,000 or more active projects). */
    public String whyNotOffered() {
        return browser.textIfPresent(UI.textContaining("Add All").within(SECTION)).orElse("no Add All button on the page");
    }

    public void start() { browser.click(SPEC, ADD_ALL); }

    private static final String READ = """
            function one(x) { return document.evaluate(x, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue; }
            function shown(x) {
              var r = document.evaluate(x, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
              for (var i = 0; i < r.snapshotLength; i++) if (r.snapshotItem(i).getClientRects().length > 0) return true;
              return false;
            }
            var bar = one(arguments[0]);
            var pct = -1;
            if (bar && bar.getClientRects().length > 0) {
              var now = bar.getAttribute('aria-valuenow');
              var text = (bar.textContent || '').replace(/[^0-9]/g, '');
              pct = now && /^[0-9]+$/.test(now) ? parseInt(now, 10) : (text ? parseInt(text, 10) : -1);
            }
            var alert = one(arguments[3]);
            var heading = one(arguments[4]);
            return [pct, shown(arguments[1]) || shown(arguments[2]), alert ? alert.textContent.trim() : '',
                    heading ? heading.textContent.replace(/\\s+/g, ' ').trim() : ''];""";

    /** Reads the page now, in one round trip. */
    @SuppressWarnings("unchecked")
    public Progress read() {
        java.util.List<Object> r = (java.util.List<Object>) browser.read(READ, PROGRESS.xpath(), COMPLETE.xpath(), OK.xpath(),
                UI.alert().within(SECTION).xpath(), HEADING.xpath());
        int pct = ((Number) r.get(0)).intValue();
        String failure = (String) r.get(2);
        return new Progress(pct, count((String) r.get(3)), Boolean.TRUE.equals(r.get(1)), failure == null || failure.isBlank() ? null : failure);
    }

    /** Clicks OK in the confirmation window; Procore refreshes the page. */
    public EditUserPage confirm() {
        browser.markPage();
        browser.click(SPEC, OK);
        browser.awaitNewPage();
        return new EditUserPage(browser);
    }
}
