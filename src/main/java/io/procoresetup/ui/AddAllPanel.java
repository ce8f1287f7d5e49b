package io.procoresetup.ui;

import org.openqa.selenium.WebElement;

import java.util.Optional;

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

    public boolean offered() { return browser.present(ADD_ALL); }

    /** Why Add All is not offered, in Procore's words (e.g. 2,000 or more active projects). */
    public String whyNotOffered() {
        return browser.textIfPresent(UI.textContaining("Add All").within(SECTION)).orElse("no Add All button on the page");
    }

    public void start() { browser.click("AddAllPanel", ADD_ALL); }

    /** Reads the indicator now: its percentage (aria-valuenow, else the "NN%" text), Complete, or a failure. */
    public Progress read() {
        int pct = 0;
        for (WebElement bar : browser.all(PROGRESS)) {
            String now = bar.getAttribute("aria-valuenow");
            if (now != null && now.matches("\\d+")) pct = Integer.parseInt(now);
            else {
                String t = bar.getText().replaceAll("[^0-9]", "");
                if (!t.isEmpty()) pct = Integer.parseInt(t);
            }
        }
        boolean complete = browser.all(COMPLETE).stream().anyMatch(WebElement::isDisplayed) || browser.present(OK);
        String failure = null;
        Optional<String> alert = browser.textIfPresent(UI.alert().within(SECTION));
        if (alert.isPresent() && !alert.get().isBlank()) failure = alert.get();
        return new Progress(pct, complete, failure);
    }

    /** Clicks OK in the confirmation window; Procore refreshes the page. */
    public EditUserPage confirm() {
        WebElement root = browser.root();
        browser.click("AddAllPanel", OK);
        browser.awaitNewPage(root);
        return new EditUserPage(browser);
    }
}
