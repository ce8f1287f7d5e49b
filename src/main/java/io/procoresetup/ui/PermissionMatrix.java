package io.procoresetup.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The permission matrix on Edit user: one row per company tool, a column per level. */
public final class PermissionMatrix {
    static final Locator STANDARD_HEADER = UI.columnHeader("Standard");
    private static final String READ = """
            var th = document.evaluate(arguments[0], document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
            var table = th.closest('table');
            var heads = Array.from(table.querySelectorAll('thead th')).map(function (h) { return h.textContent.trim(); });
            return Array.from(table.querySelectorAll('tbody tr')).map(function (row) {
              var tool = row.cells[0].textContent.trim();
              var level = '';
              Array.from(row.cells).forEach(function (cell, i) {
                var input = cell.querySelector('input');
                if (input && input.checked) level = heads[i];
              });
              return [tool, level];
            });""";

    private final Browser browser;

    PermissionMatrix(Browser browser) { this.browser = browser; }

    /** Guide, step 5: "click the Standard column header" selects that level on every row. */
    public void chooseColumn(Level level) {
        browser.click("PermissionMatrix", UI.columnHeader(level.label));
    }

    /** Tool -> the level whose column is selected in its row (empty when none is). */
    @SuppressWarnings("unchecked")
    public Map<String, String> levels() {
        browser.find("PermissionMatrix", STANDARD_HEADER);
        List<List<String>> rows = (List<List<String>>) browser.script(READ, STANDARD_HEADER.xpath());
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> r : rows) out.put(r.get(0), r.get(1));
        return out;
    }

    public boolean allAt(Level level) {
        Map<String, String> levels = levels();
        return !levels.isEmpty() && levels.values().stream().allMatch(level.label::equals);
    }
}
