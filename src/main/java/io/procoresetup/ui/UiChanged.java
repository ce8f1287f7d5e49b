package io.procoresetup.ui;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

/** A page lacks what the harness expects there: Procore changed its UI (or the run is on the wrong page). */
public final class UiChanged extends HarnessFailure {
    private final String page;
    private final Locator missing;

    /** {@code page} lacks {@code missing}: named as the page declares itself. */
    public UiChanged(PageSpec page, Locator missing, String observed) { this(page.name(), missing, observed); }

    public UiChanged(String page, Locator missing, String observed) {
        super(Category.UI_CHANGED, page + " lacks " + missing.description() + " (looked for " + missing.xpath() + ")"
                + (observed == null || observed.isBlank() ? "" : "; the page shows \"" + observed + "\""));
        this.page = page;
        this.missing = missing;
    }

    public String page() { return page; }

    public Locator missing() { return missing; }
}
