package io.procoresetup.ui;

import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The company tools' permission levels on Edit user: one choice of level per tool, as a row of radio
 * buttons under level column headers (the guide) or a segmented control per tool (Procore's current
 * app). Above it, Procore may offer a "Company Permissions Template": the harness leaves it untouched.
 */
public final class PermissionMatrix {
    /** The "Standard" level: a column header, or an option of each tool's control. */
    static final Locator STANDARD = level("Standard");
    /** Every level is a column (or an option) the steps read; Standard is the one the page is known by. */
    static final PageSpec SPEC = PageSpec.of(PermissionMatrix.class).uses(level("None"), level("Read Only")).landmarks(STANDARD)
            .uses(level("Admin"));

    /**
     * Every tool's choice, read as a person reads it: the tool (the group's label or its row's header) and
     * the option selected (its own words, or the header of its column). One entry per radio group.
     */
    private static final String GROUPS = """
            var anchor = document.evaluate(arguments[0], document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
            if (!anchor || anchor.getClientRects().length === 0) return null;
            var wanted = arguments[1];
            var root = anchor ? (anchor.closest('section,[role=region],form') || document) : document;
            function words(e) { return (e.textContent || '').replace(/\\s+/g, ' ').trim(); }
            function column(input) {
              var cell = input.closest('td,th'), table = input.closest('table');
              if (!cell || !table) return input.getAttribute('aria-label') || '';
              var head = table.querySelectorAll('thead th')[cell.cellIndex];
              return head ? words(head) : '';
            }
            var groups = new Map();
            root.querySelectorAll('input[type=radio], [role=radio]').forEach(function (r) {
              var aria = r.getAttribute('role') === 'radio';
              var group = r.closest('[role=radiogroup]');
              var row = r.closest('tr');
              var key = group || (r.name ? 'name:' + r.name : r);
              if (!groups.has(key)) {
                var tool = group ? (group.getAttribute('aria-label') || '') : (row && row.cells.length ? words(row.cells[0]) : r.name);
                groups.set(key, { tool: tool, selected: '', option: null });
              }
              var g = groups.get(key);
              var label = aria ? words(r) : column(r);
              if (label === wanted) g.option = r;
              if (aria ? r.getAttribute('aria-checked') === 'true' : r.checked) g.selected = label;
            });
            return Array.from(groups.values()).map(function (g) { return [g.tool, g.selected, g.option]; });""";


    private final Browser browser;

    PermissionMatrix(Browser browser) { this.browser = browser; }

    static Locator level(String label) {
        return new Locator("the \"" + label + "\" permission level", "(" + UI.columnHeader(label).xpath() + " | //*[@role='radiogroup']//*[@role='radio']"
                + "[normalize-space()=" + UI.lit(label) + "])");
    }

    /**
     * Guide, step 5: "click the Standard column header" selects that level on every row; where the levels
     * are a control per tool, the level is chosen in each. Either way every tool ends at {@code level}.
     */
    public void chooseColumn(Level level) {
        // the page object proved the levels are shown; the header is there when the levels are columns
        Locator header = new Locator("the \"" + level.label + "\" column header", UI.columnHeader(level.label).xpath());
        if (browser.present(header)) browser.click(SPEC, header);
        // asked as a question first (no elements come back); the options are fetched only when one must be clicked
        if (groups(level.label, false).stream().allMatch(g -> level.label.equals(g.get(1)) || g.get(2) == null)) return;
        for (List<Object> g : groups(level.label, true)) {
            if (!level.label.equals(g.get(1)) && g.get(2) instanceof WebElement option) browser.click(SPEC, option);
        }
    }

    /**
     * Every tool's choice, in one round trip while the matrix shows; otherwise waits for it (or names it missing) first.
     * {@code options}: with each tool's option to click (through WebDriver); without, the page is asked directly
     * ({@link Browser#read}) and an option is only known to be there or not.
     */
    @SuppressWarnings("unchecked")
    private List<List<Object>> groups(String wanted, boolean options) {
        java.util.function.Supplier<Object> ask = () -> options ? browser.script(GROUPS, STANDARD.xpath(), wanted)
                : browser.read(GROUPS, STANDARD.xpath(), wanted);
        Object read = ask.get();
        if (read == null) {
            browser.awaitShown(SPEC, STANDARD);
            read = ask.get();
        }
        return read == null ? List.of() : (List<List<Object>>) read;
    }

    /** Tool -> the level selected for it (empty when none is). */
    public Map<String, String> levels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<Object> g : groups("", false)) out.put(String.valueOf(g.get(0)), String.valueOf(g.get(1)));
        return out;
    }

    public boolean allAt(Level level) {
        Map<String, String> levels = levels();
        return !levels.isEmpty() && levels.values().stream().allMatch(level.label::equals);
    }
}
