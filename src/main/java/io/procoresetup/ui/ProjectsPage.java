package io.procoresetup.ui;

import java.util.ArrayList;
import java.util.List;

/** The company's project list (company home): the active projects a person sees, page by page. */
public final class ProjectsPage {
    static final Locator SECTION = UI.headingContaining("Projects");
    static final Locator NEXT = UI.link("Next");
    static final PageSpec SPEC = PageSpec.of(ProjectsPage.class).landmarks(SECTION);
    private static final String READ = """
            var out = [];
            document.querySelectorAll('table').forEach(function (t) {
              var heads = Array.from(t.querySelectorAll('thead th')).map(function (h) { return h.textContent.trim(); });
              var num = heads.indexOf('Number'), name = heads.indexOf('Name');
              if (name < 0) return;
              t.querySelectorAll('tbody tr').forEach(function (r) {
                var n = num >= 0 ? r.cells[num].textContent.trim() : '';
                out.push((n ? n + ' - ' : '') + r.cells[name].textContent.trim());
              });
            });
            return out;""";

    private final Browser browser;

    public ProjectsPage(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /** Opens the company's home list. */
    public static ProjectsPage open(Browser browser, String appUrl, long companyId) {
        browser.open(appUrl + "/" + companyId + "/company/home/list");
        return new ProjectsPage(browser);
    }

    /** Every project listed, following "Next" to the last page, as "number - name". */
    @SuppressWarnings("unchecked")
    public List<String> allProjects() {
        List<String> out = new ArrayList<>((List<String>) browser.read(READ));
        while (browser.present(NEXT)) {
            browser.markPage();
            browser.click(SPEC, NEXT);
            browser.awaitNewPage();
            browser.expect(SPEC);
            out.addAll((List<String>) browser.read(READ));
        }
        return out;
    }
}
