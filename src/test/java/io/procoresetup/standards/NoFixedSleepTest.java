package io.procoresetup.standards;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertTrue;

/** No fixed sleep waits for the UI anywhere in src/main outside the simulator: waits are on conditions. */
public class NoFixedSleepTest {
    private static final Pattern SLEEP = Pattern.compile("Thread\\.sleep|TimeUnit\\.[A-Z]+\\.sleep|LockSupport\\.park|\\.wait\\(\\s*\\d");

    @Test
    public void noSleepOutsideTheSimulator() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the project folder");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (p.toString().contains("/sim/")) continue;
                scanned++;
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (SLEEP.matcher(lines.get(i)).find()) found.add(p + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(scanned > 20, "scanned the harness sources (" + scanned + ")");
        assertTrue(found.isEmpty(), "fixed sleeps: " + found);
    }

    @Test
    public void theScanWouldCatchASleep() {
        assertTrue(SLEEP.matcher("        Thread.sleep(500);").find());
        assertTrue(SLEEP.matcher("TimeUnit.SECONDS.sleep(1)").find());
    }
}
