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

    /** An XPath string literal for any text, quotes included. */
    static String lit(String s) {
        if (!s.contains("'")) return "'" + s + "'";
        if (!s.contains("\"")) return "\"" + s + "\"";
        return "concat('" + s.replace("'", "',\"'\",'") + "')";
    }

    public static Locator button(String text) {
        return new Locator("the \"" + text + "\" button", "//*[" + CLICKABLE + "][normalize-space()=" + lit(text)
                + " or @value=" + lit(text) + " or @aria-label=" + lit(text) + "]");
    }

    /** A button whose text starts with {@code text} (menus that add an arrow after their name). */
    public static Locator buttonStartingWith(String text) {
        return new Locator("the \"" + text + "\" button", "//*[" + CLICKABLE + "][starts-with(normalize-space(), " + lit(text) + ")]");
    }

    public static Locator link(String text) {
        return new Locator("the \"" + text + "\" link", "//*[self::a or @role='menuitem' or @role='link'][normalize-space()=" + lit(text) + "]");
    }

    public static Locator heading(String text) {
        return new Locator("the heading \"" + text + "\"", "//*[" + HEADING + "][normalize-space()=" + lit(text) + "]");
    }

    public static Locator headingContaining(String... parts) {
        StringBuilder cond = new StringBuilder();
        for (String p : parts) cond.append("[contains(normalize-space(), ").append(lit(p)).append(")]");
        return new Locator("the heading containing \"" + String.join("…", parts) + "\"", "//*[" + HEADING + "]" + cond);
    }

    /** A section, menu or region named by its label or by the heading at its top. */
    public static Locator section(String name) {
        return new Locator("the \"" + name + "\" section", "//*[(self::section or self::nav or self::aside or self::form or self::fieldset"
                + " or @role='region' or @role='navigation')][@aria-label=" + lit(name) + " or ./*[" + HEADING + "][normalize-space()=" + lit(name)
                + "] or ./legend[normalize-space()=" + lit(name) + "]]");
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
        return new Locator("the \"" + text + "\" column header", "//th[ancestor::thead or @scope='col'][normalize-space()=" + lit(text) + "]");
    }

    /** A table row with a cell that reads exactly {@code text}. */
    public static Locator row(String text) {
        return new Locator("the row \"" + text + "\"", "//tr[./*[normalize-space()=" + lit(text) + "]]");
    }

    public static Locator rows() { return new Locator("the table rows", "//tbody/tr"); }

    /** The user's initials in the header: a button of one to three capital letters. */
    public static Locator initials() {
        return new Locator("your initials in the top right corner", "//header//*[self::button or @role='button'][string-length(normalize-space()) >= 1"
                + " and string-length(normalize-space()) <= 3 and translate(normalize-space(), '" + UPPER + "', '') = '']");
    }

    public static Locator header() { return new Locator("the page header", "//header"); }

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
