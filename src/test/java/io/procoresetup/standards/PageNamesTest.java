package io.procoresetup.standards;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Pages name themselves once, in their spec: nothing outside the simulator hands the browser (or a UI-changed
 * failure) a page name as a string literal, and every menu or dialog spec has a name of its own.
 */
public class PageNamesTest {
    /** A string literal where the browser, or a UiChanged, expects the page. */
    private static final Pattern LITERAL_PAGE = Pattern.compile(
            "browser\\.(expect|awaitOne|awaitList|find|click|type|text)\\(\\s*\"|new UiChanged\\(\\s*\"");
    private static final Pattern OVERLAY = Pattern.compile("PageSpec\\.overlay\\(\\s*\"([^\"]+)\"");

    @Test
    public void noPageNameIsAStringLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path p : harnessSources()) {
            scanned++;
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (LITERAL_PAGE.matcher(lines.get(i)).find()) found.add(p + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        assertTrue(scanned > 20, "scanned the harness sources (" + scanned + ")");
        assertTrue(found.isEmpty(), "page names passed as strings (use the page's SPEC): " + found);
    }

    @Test
    public void eachMenuOrDialogIsNamedOnce() throws IOException {
        Map<String, String> names = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Path p : harnessSources()) {
            Matcher m = OVERLAY.matcher(Files.readString(p));
            while (m.find()) {
                String before = names.put(m.group(1), p.toString());
                if (before != null) twice.add(m.group(1) + " in " + before + " and " + p);
            }
        }
        assertTrue(names.containsKey("ResetSecretDialog") && names.containsKey("AccountMenu"), "found the overlay specs: " + names);
        assertTrue(twice.isEmpty(), "named twice: " + twice);
    }

    @Test
    public void theScanWouldCatchAStringPageName() {
        assertTrue(LITERAL_PAGE.matcher("        browser.click(\"ServiceAccountsPage\", NEW);").find());
        assertTrue(LITERAL_PAGE.matcher("run.browser.awaitList( \"DirectoryPage\", LIST)").find());
        assertTrue(LITERAL_PAGE.matcher("throw new UiChanged(\"AppHeader\", ADMIN_SETTINGS, observed);").find());
        assertFalse(LITERAL_PAGE.matcher("browser.click(SPEC, NEW);").find());
        assertFalse(LITERAL_PAGE.matcher("browser.until(\"the menu to open\", browser.timeout(), d -> true);").find());
    }

    private static List<Path> harnessSources() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the project folder");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/sim/")).toList();
        }
    }
}
