package io.procoresetup.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import io.procoresetup.ui.Browser;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * Reads every picture the harness leaves, the way a person reads the shared report: with OCR (tesseract), not
 * grep. Runs a full default setup (on both simulator UIs), a run that fails while the credentials page shows the secret (a UI change
 * injected through the control API), a run that fails in step 4 after reading it (nowhere to save it), a plan
 * and a regression run; no picture may show a 12-character piece of any secret the simulators issued. Controls
 * prove OCR is not blind: the same secret on a plain page is read, and the Client ID in the credentials picture
 * (same font, same size, not a secret) is read too.
 */
public class ScreenshotOcrTest {
    private static final int PIECE = 12;
    private Sim sim;
    private Path work;
    private final Map<String, Path> results = new LinkedHashMap<>();
    private final Map<String, HarnessProcess.Result> runs = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private String embeddedClientId;

    @BeforeClass
    public void runEverythingThatTakesPictures() throws IOException {
        work = Files.createTempDirectory("harness-ocr-");
        Path home = Files.createDirectories(work.resolve("home"));

        // (a) the main job as a person runs it: the embedded simulator, default credentials file
        runs.put("setup", run(Map.of("HOME", home.toString()), "setup", "--results", dir("setup"), "--no-report"));
        Path saved = home.resolve(".procore-setup-harness/credentials/embedded-simulator-562949953421312-laborchart-integration.json");
        JsonNode creds = Sim.JSON.readTree(saved.toFile());
        secrets.add(creds.get("client_secret").asText());
        embeddedClientId = creds.get("client_id").asText();

        // the same on the simulator's other UI, built like Procore's current web app (portals, fetch-loaded lists)
        Path current = work.resolve("current-ui.json");
        runs.put("setup on the current UI", run(Map.of("HOME", home.toString()), "setup", "--sim-ui", "current",
                "--credentials", current.toString(), "--results", dir("setup on the current UI"), "--no-report"));
        secrets.add(Sim.JSON.readTree(current.toFile()).get("client_secret").asText());

        sim = new Sim();
        long cid = sim.freshCompany(30, 0, 0, 0);
        sim.control("/config", Map.of("addAllMillisPerProject", 2));
        Map<String, String> env = new HashMap<>(sim.controlEnv());
        env.put("HOME", home.toString());

        // (b) the credentials page is on screen, secret shown, and the page is not what the harness expects
        sim.control("/labels", Map.of("clientId", "Client Key"));
        runs.put("fails on the credentials page", run(env, "setup", "--app-url", sim.url(), "--name", "ocr-ui-changed", "--timeout", "4",
                "--credentials", work.resolve("c1/c.json").toString(), "--results", dir("fails on the credentials page"), "--no-report"));
        sim.control("/labels", Map.of("clientId", "Client ID"));

        // (b) step 4 read the secret and cannot save it anywhere: --credentials and $HOME both under a plain file
        Path blocker = Files.writeString(work.resolve("blocker"), "not a folder");
        Map<String, String> nowhere = new HashMap<>(sim.controlEnv());
        nowhere.put("HOME", blocker.resolve("home").toString());
        runs.put("fails in step 4", run(nowhere, "setup", "--app-url", sim.url(), "--name", "ocr-unsaveable",
                "--credentials", blocker.resolve("c.json").toString(), "--results", dir("fails in step 4"), "--no-report"));

        // (c) plan (the account of the run above exists, its secret never saved) and a full regression run
        runs.put("plan", run(env, "plan", "--app-url", sim.url(), "--name", "ocr-unsaveable",
                "--credentials", work.resolve("c3/c.json").toString(), "--results", dir("plan"), "--no-report"));
        runs.put("regression", run(env, "regression", "--app-url", sim.url(), "--results", dir("regression"), "--no-report"));

        sim.controlGet("/secrets").get("secrets").forEach(s -> secrets.add(s.asText()));
        assertTrue(cid > 0);
    }

    private String dir(String name) {
        Path p = work.resolve("results-" + name.replace(' ', '-'));
        results.put(name, p);
        return p.toString();
    }

    private static HarnessProcess.Result run(Map<String, String> env, String... args) { return HarnessProcess.run(env, args); }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (sim != null) sim.close();
    }

    @Test
    public void eachRunEndedAsItShould() {
        assertEquals(runs.get("setup").code(), 0, runs.get("setup").console());
        assertEquals(runs.get("setup on the current UI").code(), 0, runs.get("setup on the current UI").console());
        HarnessProcess.Result ui = runs.get("fails on the credentials page");
        assertNotEquals(ui.code(), 0, ui.console());
        assertTrue(ui.out().contains("[3/6]") && !ui.out().contains("[4/6]"), "stopped on the page Create lands on: " + ui.console());
        assertEquals(runs.get("fails in step 4").code(), 2, runs.get("fails in step 4").console());
        assertTrue(runs.get("fails in step 4").console().contains("[4/6]") || runs.get("fails in step 4").console().contains("cannot write the credentials"),
                runs.get("fails in step 4").console());
        assertEquals(runs.get("plan").code(), 0, runs.get("plan").console());
        assertEquals(runs.get("regression").code(), 0, runs.get("regression").console());
        assertTrue(secrets.size() >= 4, "secrets issued to look for: " + secrets.size());
    }

    @Test
    public void failingRunsLeaveAFailurePictureOfTheCredentialsPage() throws IOException {
        for (String name : List.of("fails on the credentials page", "fails in step 4")) {
            String json = resultJson(results.get(name));
            assertTrue(json.contains("\"failure screenshot\"") && json.contains("image/png"), name + ": a failure picture was attached");
        }
    }

    @Test
    public synchronized void noPictureShowsAnyPieceOfAnySecret() throws Exception {
        List<String> leaks = new ArrayList<>();
        int pictures = 0;
        for (Map.Entry<String, Path> e : results.entrySet()) {
            List<Path> pngs = pngs(e.getValue());
            assertTrue(!pngs.isEmpty(), e.getKey() + " left pictures");
            for (Path png : pngs) {
                pictures++;
                String seen = normalize(read(png));
                for (String s : secrets) {
                    String piece = pieceIn(seen, normalize(s));
                    if (piece != null) leaks.add(e.getKey() + ": " + png.getFileName() + " shows \"" + piece + "\"");
                }
            }
        }
        assertTrue(pictures >= 15, "pictures read: " + pictures);
        assertTrue(leaks.isEmpty(), "OCR read a secret in: " + leaks);
    }

    @Test
    public synchronized void ocrReadsTheClientIdFromTheCredentialsPicture() throws Exception {
        boolean read = false;
        for (Path png : pngs(results.get("setup"))) read |= pieceIn(normalize(read(png)), normalize(embeddedClientId)) != null;
        assertTrue(read, "OCR reads the Client ID (same font and size as the secret) in the setup's pictures: it is not blind");
    }

    @Test
    public void ocrReadsTheSameSecretOnAPlainPage() throws Exception {
        String secret = secrets.iterator().next();
        try (BrowserSessions.Session session = BrowserSessions.open(BrowserSettings.defaults())) {
            Browser b = new Browser(session.driver(), Duration.ofSeconds(20));
            b.open("data:text/html;charset=utf-8,<body style='font:14px sans-serif;margin:40px'><dl><dt><b>Client Secret</b></dt>"
                    + "<dd><code style='font-size:13px;background:%23f1f3f5;padding:2px 6px'>" + secret + "</code></dd></dl></body>");
            Path png = Files.write(work.resolve("control.png"), b.screenshot());           // raw, unguarded: the control
            String read = pieceIn(normalize(ocr(png)), normalize(secret));
            assertNotEquals(read, null, "OCR reads the secret when it is on screen (so a miss above is masking, not blindness)");
        }
    }

    private final Map<Path, String> ocrText = new java.util.concurrent.ConcurrentHashMap<>();

    /** OCR of every picture once, two at a time (one tesseract thread each: this machine has two cores). */
    private String read(Path png) throws Exception {
        if (ocrText.isEmpty()) {
            List<Path> all = new ArrayList<>();
            for (Path d : results.values()) all.addAll(pngs(d));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
                for (Path p : all) jobs.add(pool.submit(() -> { ocrText.put(p, ocr(p)); return null; }));
                for (java.util.concurrent.Future<?> j : jobs) j.get();
            } finally {
                pool.shutdown();
            }
        }
        String t = ocrText.get(png);
        return t != null ? t : ocr(png);
    }

    /** A piece of {@code secret} that {@code text} contains, or null. */
    static String pieceIn(String text, String secret) {
        for (int i = 0; i + PIECE <= secret.length(); i++) {
            String piece = secret.substring(i, i + PIECE);
            if (text.contains(piece)) return piece;
        }
        return null;
    }

    /** Folds the characters OCR confuses (0/o, 1/l/i, 5/s, 8/b, 2/z, 9/g) so a misread character still matches. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase().toCharArray()) {
            switch (c) {
                case 'o', 'q' -> b.append('0');
                case 'l', 'i', '|', '!', 'j' -> b.append('1');
                case 's' -> b.append('5');
                case 'b' -> b.append('8');
                case 'z' -> b.append('2');
                case 'g' -> b.append('9');
                case '¢' -> b.append('c');
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String ocr(Path png) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tesseract", png.toString(), "stdout").redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("tesseract failed on " + png);
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<Path> pngs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static String resultJson(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith("-result.json")).toList()) b.append(Files.readString(p));
        }
        return b.toString();
    }
}
