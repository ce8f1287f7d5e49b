package io.procoresetup.evidence;

import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** Add All's progress: one line redrawn in place on a terminal, a line per ten percent in logs. */
public class NarratorTest {
    private static String narrate(boolean live) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Narrator n = new Narrator(new PrintStream(bytes, true, StandardCharsets.UTF_8), live);
        n.say("[6/6] Make All Existing Projects Available To Service Account");
        for (int p = 0; p <= 100; p += 4) n.progress("Add All", Math.min(p, 100), 50 * p / 100, 50);
        n.say("      Add All reached 100%: 50 projects added");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void aTerminalGetsOneLiveLineWithBarProjectsAndTimeLeft() {
        String out = narrate(true);
        String[] lines = out.split("\n", -1);
        assertEquals(lines.length, 4, "the progress is one line between the step and its result: " + out.replace("\r", "\\r"));
        assertTrue(lines[1].contains("\r      Add All [#########-----------]  48%  24 of 50 projects, about "), lines[1].replace("\r", "\\r"));
        assertTrue(lines[1].endsWith("[####################] 100%  50 of 50 projects\u001b[K"), lines[1].replace("\r", "\\r"));
    }

    @Test
    public void logsGetPlainLinesATenPercentApart() {
        String out = narrate(false);
        assertTrue(!out.contains("\r") && !out.contains("\u001b"), "no terminal codes in logs");
        long lines = out.lines().filter(l -> l.contains("Add All ") && l.contains("%") && l.contains("projects)")).count();
        assertEquals(lines, 11L, "0, 10, ..., 90 and 100: " + out);
        assertTrue(out.contains("      Add All 100% (50 of 50 projects)"), out);
    }
}
