package io.procoresetup.ui;

/**
 * Locators by what a person reads: visible text, labels, roles, headings and the section they sit in.
 * Never an id or class: real Procore's markup is not ours.
 */
public final class UI {
    private UI() {}

    private static final String CLICKABLE = "(self::button or self::a or @role='button' or @role='menuitem' or self::input[@type='submit' or @type='button'])";
    private static final String HEADING = "(self::h1 or self::h2 or self::h3 or self::h4 or @role='heading')";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** The page's header: a header element or the banner landmark. */
    private static final String BANNER = "//*[self::header or @role='banner']";

    /** An XPath string literal for any text, quotes included. */
    static String lit(String s) {
        if (!s.contains("'")) return "'" + s + "'";
        if (!s.contains("\"")) return "\"" + s + "\"";
        return "concat('" + s.replace("'", "',\"'\",'") + "')";
    }

    /**
     * A button by what it says; an icon glyph before the words ("+ New", "+New") does not change what
     * a person reads. Several wordings may be given: the guide's first, then Procore's documented ones.
     */
    public static Locator button(String text, String... alternatives) {
        StringBuilder cond = new StringBuilder();
        for (String t : all(text, alternatives)) {
            if (cond.length() > 0) cond.append(" or ");
            cond.append("normalize-space()=").append(lit(t)).append(" or normalize-space(translate(normalize-space(), '+', ''))=").append(lit(t))
                    .append(" or @value=").append(lit(t)).append(" or @aria-label=").append(lit(t));
        }
        return new Locator("the \"" + text + "\" button", "//*[" + CLICKABLE + "][" + cond + "]");
    }

    private static java.util.List<String> all(String first, String... more) {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(first));
        out.addAll(java.util.List.of(more));
        return out;
    }

    private static String anyText(String first, String... more) {
        StringBuilder cond = new StringBuilder();
        for (String t : all(first, more)) cond.append(cond.length() > 0 ? " or " : "").append("normalize-space()=").append(lit(t));
        return cond.toString();
    }

    /** A button whose text starts with {@code text} (menus that add an arrow after their name). */
    public static Locator buttonStartingWith(String text) {
        return new Locator("the \"" + text + "\" button", "//*[" + CLICKABLE + "][starts-with(normalize-space(), " + lit(text) + ")]");
    }

    public static Locator link(String text) {
        return new Locator("the \"" + text + "\" link", "//*[self::a or @role='menuitem' or @role='link'][normalize-space()=" + lit(text) + "]");
    }

    /** A heading that reads {@code text} (or one of Procore's other wordings for it). */
    public static Locator heading(String text, String... alternatives) {
        return new Locator("the heading \"" + text + "\"", "//*[" + HEADING + "][" + anyText(text, alternatives) + "]");
    }

    /**
     * An item of an open menu, wherever the menu is rendered: in the header, or in a portal at the end
     * of the body as component libraries do.
     */
    public static Locator menuItem(String text, String... alternatives) {
        return new Locator("the \"" + text + "\" menu item", "//*[@role='menu']//*[@role='menuitem' or self::a][" + anyText(text, alternatives) + "]");
    }

    /** Any item of an open menu. */
    public static Locator anyMenuItem() {
        return new Locator("an item of the open menu", "//*[@role='menu']//*[@role='menuitem' or self::a][normalize-space()]");
    }

    /** The value under a small caption in the header ("Company" over the company's name). */
    public static Locator captioned(String caption) {
        return new Locator("the value under \"" + caption + "\"", BANNER + "//*[normalize-space()=" + lit(caption) + "][not(*)]"
                + "/following-sibling::*[1][normalize-space()]");
    }

    public static Locator headingContaining(String... parts) {
        StringBuilder cond = new StringBuilder();
        for (String p : parts) cond.append("[contains(normalize-space(), ").append(lit(p)).append(")]");
        return new Locator("the heading containing \"" + String.join("…", parts) + "\"", "//*[" + HEADING + "]" + cond);
    }

    /** A section, menu or region named by its label or by the heading at its top (or one of Procore's other names for it). */
    public static Locator section(String name, String... alternatives) {
        StringBuilder named = new StringBuilder();
        for (String n : all(name, alternatives)) {
            if (named.length() > 0) named.append(" or ");
            named.append("@aria-label=").append(lit(n)).append(" or ./*[").append(HEADING).append("][normalize-space()=").append(lit(n))
                    .append("] or ./legend[normalize-space()=").append(lit(n)).append("]");
        }
        return new Locator("the \"" + name + "\" section", "//*[(self::section or self::nav or self::aside or self::form or self::fieldset"
                + " or @role='region' or @role='navigation')][" + named + "]");
    }

    /** The section whose heading contains each of {@code parts} ("Projects … Does Not Belong To"). */
    public static Locator sectionContaining(String... parts) {
        StringBuilder cond = new StringBuilder();
        for (String p : parts) cond.append(" and contains(normalize-space(), ").append(lit(p)).append(")");
        return new Locator("the \"" + String.join("…", parts) + "\" section", "//*[(self::section or @role='region')][./*["
                + HEADING + cond + "]]");
    }

    /** A text field, text area or select by its label. */
    public static Locator field(String label) {
        return new Locator("the \"" + label + "\" field", "//*[self::input or self::textarea or self::select][@id=//label[normalize-space()="
                + lit(label) + "]/@for or @aria-label=" + lit(label) + " or ancestor::label[starts-with(normalize-space(), " + lit(label) + ")]]");
    }

    /** A checkbox whose label starts with {@code start} and contains {@code contains}. */
    public static Locator checkbox(String start, String contains) {
        String label = "label[starts-with(normalize-space(), " + lit(start) + ") and contains(normalize-space(), " + lit(contains) + ")]";
        return new Locator("the checkbox \"" + start + "… " + contains + "…\"",
                "//input[@type='checkbox'][ancestor::" + label + " or @id=//" + label + "/@for]");
    }

    /** The value shown next to a label (a definition list or a label/value pair). */
    public static Locator valueOf(String label) {
        return new Locator("the value of \"" + label + "\"", "//*[self::dd or self::td or self::output or self::span][preceding-sibling::*[1]"
                + "[self::dt or self::th or self::label][normalize-space()=" + lit(label) + "]]");
    }

    public static Locator columnHeader(String text) {
        return new Locator("the \"" + text + "\" column header", "//*[self::th[ancestor::thead or @scope='col'] or @role='columnheader'][normalize-space()="
                + lit(text) + "]");
    }

    /** A row of a table or grid with a cell that reads exactly {@code text}. */
    public static Locator row(String text) {
        return new Locator("the row \"" + text + "\"", "//*[self::tr or @role='row'][./*[normalize-space()=" + lit(text) + "]]");
    }

    /** The data rows of a table or grid (not its header row). */
    public static Locator rows() {
        return new Locator("the table rows", "//*[(self::tr and parent::tbody) or (@role='row' and not(./*[@role='columnheader']))]");
    }

    /** A tab of a tab list, by what it says. */
    public static Locator tab(String text) {
        return new Locator("the \"" + text + "\" tab", "//*[@role='tab'][normalize-space()=" + lit(text) + "]");
    }

    /** A table or grid by its accessible name. */
    public static Locator tableNamed(String label) {
        return new Locator("the \"" + label + "\" list", "//*[(self::table or @role='table' or @role='grid')][@aria-label=" + lit(label) + "]");
    }

    /** A table or grid named by its label, or the one inside {@code within}. */
    public static Locator table() { return new Locator("the list", "//*[self::table or @role='table' or @role='grid']"); }

    /**
     * A list still loading: marked busy (aria-busy) as client-rendered lists are while their rows are
     * fetched. Server-rendered pages never show one.
     */
    public static Locator loading() { return new Locator("a list still loading", "//*[@aria-busy='true']"); }

    /** A radio option (an input, or a button with role radio in a segmented control) by what it says. */
    public static Locator option(String text) {
        return new Locator("the \"" + text + "\" option", "//*[@role='radio' or @role='menuitemradio' or (self::button and @aria-pressed)]"
                + "[normalize-space()=" + lit(text) + "] | //input[@type='radio'][ancestor::label[normalize-space()=" + lit(text) + "]]");
    }

    /** Whatever reports a running job's progress: a progress bar, or a live status line. */
    public static Locator progress() { return new Locator("the progress indicator", "//*[@role='progressbar' or @role='status']"); }

    /** Procore saying this login may not see a page. */
    public static Locator permissionDenied() {
        return new Locator("a permission message", "//*[" + HEADING + "][normalize-space()='Access Denied'] | //*[not(self::script)]"
                + "[contains(text(), 'not have permission') or contains(text(), \"don't have permission\") or contains(text(), 'not authorized')]");
    }

    /** The user's initials in the header: a button of one to three capital letters. */
    public static Locator initials() {
        return new Locator("your initials in the top right corner", BANNER + "//*[self::button or @role='button'][string-length(normalize-space()) >= 1"
                + " and string-length(normalize-space()) <= 3 and translate(normalize-space(), '" + UPPER + "', '') = '']");
    }

    public static Locator header() { return new Locator("the page header", BANNER); }

    public static Locator progressBar() { return new Locator("the progress indicator", "//*[@role='progressbar']"); }

    public static Locator dialog() {
        return new Locator("the confirmation window", "//*[self::dialog[@open] or @role='dialog' or @role='alertdialog']");
    }

    public static Locator alert() { return new Locator("the message", "//*[@role='alert']"); }

    public static Locator text(String text) {
        return new Locator("the text \"" + text + "\"", "//*[normalize-space()=" + lit(text) + "]");
    }

    public static Locator textContaining(String text) {
        return new Locator("the text \"" + text + "\"", "//*[not(self::script) and not(self::style)][contains(normalize-space(text()), " + lit(text) + ")]");
    }
}
