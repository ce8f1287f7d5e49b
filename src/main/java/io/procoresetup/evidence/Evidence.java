package io.procoresetup.evidence;

import io.procoresetup.browser.Screen;
import io.procoresetup.secrets.Redactor;
import io.qameta.allure.Allure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves behind: an Allure step per guide step with screenshots, scrubbed text attachments,
 * and a manifest of per-step timings and screenshot SHA-256s. Nothing here ever holds a secret.
 */
public final class Evidence {
    public static final String MASK = "••••••••••••••••";
    private static final ThreadLocal<Evidence> CURRENT = new ThreadLocal<>();

    /**
     * One screenshot as the manifest records it: how many places the guard masked on the page, or, when the
     * picture was withheld, why (then there is no picture and no hash).
     */
    public record Shot(String name, String sha256, int masked, int bytes, String withheld) {}

    /** One step as the manifest records it. */
    public record StepRecord(int number, String title, String outcome, String state, long millis, List<Shot> screenshots) {}

    @FunctionalInterface
    public interface Body { String run() throws Exception; }

    private final Screen screen;
    private final ScreenshotGuard guard;
    private final Path resultsDir;
    private final Narrator narrator;
    private final List<StepRecord> steps = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String reportName;
    private String job = ReportFacts.SETUP_JOB;
    private List<Shot> shots = new ArrayList<>();
    private boolean failureCaptured;

    public Evidence(Screen screen, Path resultsDir, Narrator narrator) {
        this.screen = screen;
        this.guard = new ScreenshotGuard(screen, () -> Redactor.global().known());
        this.resultsDir = resultsDir;
        this.narrator = narrator;
        run.put("started_at", Instant.now().toString());
        CURRENT.set(this);
    }

    /** The evidence of the run on this thread, for the failure listener. */
    public static Evidence current() { return CURRENT.get(); }

    public Narrator narrator() { return narrator; }

    public void describe(String key, Object value) { run.put(key, value); }

    /** A fact for the report's Environment table (written when the run closes): what the run found, never a placeholder. */
    public void environment(String key, String value) {
        if (value != null && !value.isBlank()) environment.put(key, value);
    }

    public Map<String, String> environment() { return Map.copyOf(environment); }

    /** The job this run does for the report (setup, plan, verification, regression); the suite says which. */
    public void job(String job) { this.job = job; }

    public String job() { return job; }

    /** The report's title, once the run knows the company. */
    public void reportName(String name) { this.reportName = name; }

    public String reportName() { return reportName; }

    /**
     * Runs a guide step as one Allure step named with the guide's title: times it, narrates it, takes a
     * screenshot after it, and on failure attaches a screenshot and the scrubbed page source to it.
     */
    public void step(int n, int of, String title, String state, Body body) {
        narrator.stepStarted(n, of, title);
        long t0 = System.nanoTime();
        shots = new ArrayList<>();
        String[] outcome = {""};
        try {
            Allure.step(title, () -> {
                try {
                    outcome[0] = body.run();
                    screenshot("after: " + title);
                } catch (Throwable e) {
                    captureFailure();
                    throw e;
                }
            });
        } finally {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            steps.add(new StepRecord(n, title, outcome[0], outcome[0].isEmpty() ? "failed" : state, ms, List.copyOf(shots)));
            if (!outcome[0].isEmpty()) narrator.stepFinished(n, of, outcome[0], ms);
        }
    }

    /** Marks the last recorded step's state ("done" when it found the work done, "applied" when it changed it). */
    public void restate(String state) {
        if (steps.isEmpty()) return;
        StepRecord s = steps.remove(steps.size() - 1);
        steps.add(new StepRecord(s.number(), s.title(), s.outcome(), state, s.millis(), s.screenshots()));
    }

    /** A picture of the page through the guard: secrets masked first, or a placeholder that says why not. */
    public void screenshot(String name) {
        attach(name, capture());
    }

    /** A picture taken now through the guard, to {@link #attach} later (to the step it is evidence for). */
    public ScreenshotGuard.Picture capture() {
        return released != null ? new ScreenshotGuard.Picture.Withheld(released) : guard.capture();
    }

    /** Why no later picture can be taken: the run closed its browser once it had read the last page. */
    private volatile String released;

    /** The browser is being closed: later pictures (a failure's too) say so instead of asking a closed browser. */
    public void browserReleased(String why) { released = why; }

    /** Attaches a picture (or why there is none) to the current step and the manifest. */
    public void attach(String name, ScreenshotGuard.Picture picture) {
        if (picture instanceof ScreenshotGuard.Picture.Png png) {
            shots.add(new Shot(name, sha256(png.bytes()), png.masked(), png.bytes().length, null));
            Allure.addAttachment(name, "image/png", new ByteArrayInputStream(png.bytes()), "png");
        } else if (picture instanceof ScreenshotGuard.Picture.Withheld w) {
            shots.add(new Shot(name, null, 0, 0, w.reason()));
            text(name + " (screenshot withheld)", "text/plain", "No screenshot: " + w.reason()
                    + ". The harness never attaches a picture of a page it could not prove free of secrets.", "txt");
            narrator.say("      screenshot \"" + name + "\" withheld: " + w.reason());
        }
    }

    /** A text attachment, passed through the run's redactor. */
    public void text(String name, String type, String content, String ext) {
        Allure.addAttachment(name, type, Redactor.global().redact(content), ext);
    }

    /** On failure: a screenshot and the scrubbed page source, once per failure. */
    public void captureFailure() {
        if (failureCaptured) return;
        failureCaptured = true;
        if (released != null) {
            text("failure screenshot", "text/plain", "No screenshot: " + released, "txt");
            return;
        }
        try {
            attach("failure screenshot", guard.capture());
        } catch (RuntimeException ignored) {
            // the browser may be gone; the page source attempt below says so
        }
        try {
            text("failure page source", "text/html", guard.maskedSource(), "html");
        } catch (RuntimeException e) {
            text("failure page source", "text/plain", "the page source could not be read: " + e.getClass().getSimpleName(), "txt");
        }
    }

    public boolean failureCaptured() { return failureCaptured; }

    /** The most recent screenshot of the current step, as the manifest records it. */
    public Shot lastShot() { return shots.isEmpty() ? null : shots.get(shots.size() - 1); }

    public List<StepRecord> steps() { return List.copyOf(steps); }

    /** Writes run-manifest.json into the results folder and attaches it. */
    public void writeManifest() {
        run.put("finished_at", Instant.now().toString());
        Map<String, Object> m = new LinkedHashMap<>(run);
        m.put("steps", steps);
        try {
            String json = ResultsFiles.json(m);
            Files.createDirectories(resultsDir);
            Files.writeString(resultsDir.resolve("run-manifest.json"), json, StandardCharsets.UTF_8);
            Allure.addAttachment("run manifest", "application/json", json, "json");
        } catch (IOException e) {
            narrator.say("warning: could not write the run manifest: " + e.getMessage());
        }
    }

    public void close() { CURRENT.remove(); }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
