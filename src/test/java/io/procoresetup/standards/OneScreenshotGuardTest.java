package io.procoresetup.standards;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Every picture in the product passes the screenshot guard: outside it, no code in src/main takes one
 * (getScreenshotAs, a Screen's or Browser's screenshot(), a CDP capture) or attaches image bytes itself.
 */
public class OneScreenshotGuardTest {
    private static final Pattern RAW = Pattern.compile("getScreenshotAs|\\.screenshot\\(\\)|captureScreenshot|\"image/png\"");
    private static final List<String> ALLOWED = List.of(
            "evidence/ScreenshotGuard.java",   // the guard itself
            "evidence/Evidence.java",          // attaches what the guard returns
            "ui/Browser.java",                 // implements Screen.screenshot(), called only by the guard
            "browser/Screen.java");

    @Test
    public void noPictureIsTakenOrAttachedOutsideTheGuard() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                scanned++;
                String rel = main.resolve("io/procoresetup").relativize(p).toString();
                if (ALLOWED.contains(rel) || rel.startsWith("sim/")) continue;
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) if (RAW.matcher(lines.get(i)).find()) found.add(rel + ":" + (i + 1));
            }
        }
        assertTrue(scanned > 20, "scanned the sources (" + scanned + ")");
        assertTrue(found.isEmpty(), "pictures taken or attached outside the guard: " + found);
    }

    @Test
    public void theScanWouldCatchARawScreenshot() {
        assertTrue(RAW.matcher("byte[] png = browser.screenshot();").find());
        assertTrue(RAW.matcher("((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES)").find());
        assertTrue(RAW.matcher("Allure.addAttachment(n, \"image/png\", in, \"png\")").find());
        assertEquals(ALLOWED.size(), 4);
    }

    /**
     * Windows are switched only by ui/Browser, which knows which tab it asks its questions in (over DevTools) and
     * guards: the picture is of the tab the guard checked.
     */
    @Test
    public void onlyTheBrowserSwitchesWindows() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String rel = main.resolve("io/procoresetup").relativize(p).toString();
                if (rel.equals("ui/Browser.java")) continue;
                if (SWITCH.matcher(Files.readString(p)).find()) found.add(rel);
            }
        }
        assertTrue(SWITCH.matcher("driver.switchTo().window(h)").find());
        assertTrue(found.isEmpty(), "windows switched outside Browser: " + found);
    }

    private static final Pattern SWITCH = Pattern.compile("switchTo\\(\\)");
}
