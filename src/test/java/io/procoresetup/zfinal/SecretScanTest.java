package io.procoresetup.zfinal;

import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertTrue;

/**
 * Runs after every other test (its own &lt;test&gt; in testng.xml): no file under allure-results or target,
 * and no console the harness printed, holds any client secret a simulator issued during the run.
 */
public class SecretScanTest {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    @Test
    public void noIssuedSecretInResultsTargetOrConsoles() throws IOException {
        Set<String> secrets = Set.copyOf(Sim.ALL_SECRETS);
        assertTrue(secrets.size() >= 20, "the run issued secrets to look for: " + secrets.size());
        List<String> leaks = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(Path.of("allure-results"), Path.of("target"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files++;
                    for (String token : tokens(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))) {
                        if (secrets.contains(token)) leaks.add(p.toString());
                    }
                }
            }
        }
        for (String console : List.copyOf(HarnessProcess.ALL_CONSOLES)) {
            for (String token : tokens(console)) if (secrets.contains(token)) leaks.add("a harness console: " + console.lines().findFirst().orElse(""));
        }
        assertTrue(files > 50, "scanned the results and build folders (" + files + " files)");
        assertTrue(HarnessProcess.ALL_CONSOLES.size() > 20, "scanned the harness consoles (" + HarnessProcess.ALL_CONSOLES.size() + ")");
        assertTrue(leaks.isEmpty(), "secrets found in: " + new HashSet<>(leaks));
    }

    @Test
    public void theScanFindsASecretWhenThereIsOne() {
        String secret = "ab".repeat(32);
        assertTrue(tokens("x " + secret + " y").contains(secret));
    }

    static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = HEX64.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
