package io.procoresetup.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A page, or a part of one (a menu, a dialog, a panel), declared once: its name, the landmarks that prove it
 * is showing, and the elements the steps use there. The page object names itself to the browser with it and
 * expects its landmarks; the UI inventory checks exactly its landmarks and uses, in the order declared here.
 */
public final class PageSpec {
    private final String name;
    private final boolean overlay;
    private final List<Locator> checks;
    private final List<Locator> landmarks;

    private PageSpec(String name, boolean overlay, List<Locator> checks, List<Locator> landmarks) {
        this.name = name;
        this.overlay = overlay;
        this.checks = List.copyOf(checks);
        this.landmarks = List.copyOf(landmarks);
    }

    /** A page object's spec: named after its class, so the page knows its own name. */
    public static PageSpec of(Class<?> page) { return new PageSpec(page.getSimpleName(), false, List.of(), List.of()); }

    /** A part that has no class of its own and shows only when opened (a menu, a dialog): checked while it is shown. */
    public static PageSpec overlay(String name) { return new PageSpec(name, true, List.of(), List.of()); }

    /** What proves the page is showing: the page object expects these before anything else. */
    public PageSpec landmarks(Locator... more) { return add(List.of(more), true); }

    /** What the steps use there besides the landmarks: the inventory checks these too. */
    public PageSpec uses(Locator... more) { return add(List.of(more), false); }

    /** A part that is always on this page: its landmarks prove this page too, and what is used in it is used here. */
    public PageSpec with(PageSpec part) {
        PageSpec out = this;
        for (Locator l : part.checks) out = out.add(List.of(l), part.landmarks.contains(l));
        return out;
    }

    private PageSpec add(List<Locator> more, boolean landmark) {
        List<Locator> c = new ArrayList<>(checks);
        List<Locator> lm = new ArrayList<>(landmarks);
        for (Locator l : more) {
            if (c.contains(l)) throw new IllegalArgumentException(name + " declares " + l.description() + " twice");
            c.add(l);
            if (landmark) lm.add(l);
        }
        return new PageSpec(name, overlay, c, lm);
    }

    /** The name failures and the drift table give the page ("ServiceAccountsPage lacks ..."). */
    public String name() { return name; }

    /** A menu or dialog, in the page but hidden until opened: it counts only while shown. */
    public boolean overlay() { return overlay; }

    public List<Locator> landmarks() { return landmarks; }

    /** What the steps use there besides the landmarks. */
    public List<Locator> uses() { return checks.stream().filter(l -> !landmarks.contains(l)).toList(); }

    /** Everything the inventory checks there, landmarks and uses, in the order declared. */
    public List<Locator> checks() { return checks; }

    @Override
    public String toString() { return name; }
}
