package io.procoresetup.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** `harness setup` in its own JVM, driving real Chromium against the simulator with 200 projects. */
public class GuidedSetupEndToEndTest {
    /** The simulator UI these tests face; a subclass runs them on the other one. */
    protected String ui() { return "classic"; }

    static final List<String> TITLES = List.of("Navigate to Settings", "Service Accounts", "Create & Name Service Account",
            "Save Service Account Credentials", "Change Service Account's Permissions",
            "Make All Existing Projects Available To Service Account");

    private Sim sim;
    private long cid;
    private Path work;
    private Path results;
    private Path creds;
    private HarnessProcess.Result first;

    @BeforeClass
    public void runSetupOnce() throws IOException {
        sim = new Sim(ui());
        cid = sim.freshCompany(200, 6, 0, 5);
        sim.control("/config", Map.of("addAllMillisPerProject", 5));
        work = Files.createTempDirectory("harness-e2e-");
        results = work.resolve("allure-results");
        creds = work.resolve("secrets").resolve("credentials.json");
        first = setup();
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private HarnessProcess.Result setup() {
        return HarnessProcess.run(sim.controlEnv(), "setup", "--target", "simulator", "--app-url", sim.url(), "--credentials", creds.toString(),
                "--results", results.toString(), "--no-report");
    }

    @Test
    public void setupSucceedsAndNarratesTheSixSteps() {
        assertEquals(first.code(), 0, first.console());
        for (int i = 0; i < TITLES.size(); i++) assertTrue(first.out().contains("[" + (i + 1) + "/6] " + TITLES.get(i)), first.out());
        // the guide's UI shows a percentage; Procore's current one only moves the projects and says Complete
        assertTrue(first.out().contains(ui().equals("classic") ? "Add All 100%" : "Add All: Complete"), first.out());
        assertTrue(first.out().contains("Client ID "), "the console shows the client ID");
        assertTrue(first.out().contains(creds.toString()), "the console says where the secret went");
    }

    @Test
    public void simulatorHoldsOneStandardAccountOnEveryActiveProject() {
        JsonNode accounts = sim.accounts(cid);
        assertEquals(accounts.size(), 1);
        JsonNode a = accounts.get(0);
        assertEquals(a.get("name").asText(), "laborchart-integration");
        a.get("permissions").forEach(level -> assertEquals(level.asText(), "Standard"));
        assertEquals(a.get("permissions").size(), 10);
        assertTrue(a.get("addToNewProjects").asBoolean());
        Set<String> assigned = new HashSet<>();
        a.get("projectIds").forEach(p -> assigned.add(p.asText()));
        Set<String> active = new HashSet<>();
        sim.controlGet("/companies/" + cid).get("activeProjectIds").forEach(p -> active.add(p.asText()));
        assertEquals(active.size(), 201, "200 seeded, plus the project the cross-check created to prove \"add to all new projects\"");
        assertEquals(assigned, active);
    }

    @Test
    public void credentialsFileHoldsWhatTheSimulatorIssuedWithMode0600() throws IOException {
        JsonNode file = Sim.JSON.readTree(creds.toFile());
        JsonNode a = sim.accounts(cid).get(0);
        assertEquals(file.get("client_id").asText(), a.get("clientId").asText());
        assertEquals(file.get("client_secret").asText(), a.get("clientSecret").asText());
        assertEquals(file.get("company_id").asLong(), cid);
        assertEquals(file.get("account_name").asText(), "laborchart-integration");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)), "rw-------");
        assertEquals(sim.token(file.get("client_id").asText(), file.get("client_secret").asText()).status(), 200, "the saved secret works");
    }

    @Test
    public void allureResultsHoldSixGuideStepsEachWithAScreenshotAndConsent() throws IOException {
        JsonNode result = testResult();
        List<String> names = new ArrayList<>();
        for (JsonNode step : result.get("steps")) {
            names.add(step.get("name").asText());
            assertEquals(step.get("status").asText(), "passed", step.get("name").asText());
            boolean png = false;
            for (JsonNode att : step.path("attachments")) {
                png |= att.get("type").asText().equals("image/png") && Files.size(results.resolve(att.get("source").asText())) > 1000;
            }
            assertTrue(png, "a screenshot in step " + step.get("name").asText());
            assertTrue(step.path("parameters").isEmpty(), "no step parameters");
        }
        assertEquals(names, TITLES);
        JsonNode consent = Sim.JSON.readTree(results.resolve("consent.json").toFile());
        assertEquals(consent.get("companyId").asLong(), cid);
        assertEquals(consent.get("target").asText(), "simulator");
        assertTrue(Files.exists(results.resolve("environment.properties")));
        assertTrue(Files.exists(results.resolve("categories.json")));
    }

    @Test
    public void manifestRecordsTimingsHashesAndTheMaskedCredentialsScreenshot() throws Exception {
        JsonNode manifest = Sim.JSON.readTree(results.resolve("run-manifest.json").toFile());
        JsonNode steps = manifest.get("steps");
        assertEquals(steps.size(), 6);
        Set<String> attachedHashes = new HashSet<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).toList()) {
                attachedHashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        boolean maskedCredentials = false;
        for (JsonNode s : steps) {
            assertTrue(s.get("millis").asLong() > 0 && s.get("millis").asLong() < 600_000, "a real duration: " + s.get("millis"));
            assertTrue(s.get("screenshots").size() >= 1, "every step has its picture: " + s);
            for (JsonNode shot : s.get("screenshots")) {
                assertTrue(attachedHashes.contains(shot.get("sha256").asText()), "manifest hash matches an attached screenshot");
                if (s.get("number").asInt() == 4 && shot.get("masked").asInt() > 0) maskedCredentials = true;
            }
        }
        assertTrue(maskedCredentials, "step 4's credentials screenshot was taken with the mask in place");
    }

    @Test
    public void secretNeverReachesResultsConsoleOrLogs() throws IOException {
        String secret = sim.accounts(cid).get(0).get("clientSecret").asText();
        assertFalse(first.console().contains(secret), "console");
        List<Path> leaking = new ArrayList<>();
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(results)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(p), needle) >= 0) leaking.add(p);
            }
        }
        assertTrue(leaking.isEmpty(), "files holding the secret: " + leaking);
    }

    @Test(dependsOnMethods = {"setupSucceedsAndNarratesTheSixSteps", "simulatorHoldsOneStandardAccountOnEveryActiveProject",
            "credentialsFileHoldsWhatTheSimulatorIssuedWithMode0600", "allureResultsHoldSixGuideStepsEachWithAScreenshotAndConsent",
            "manifestRecordsTimingsHashesAndTheMaskedCredentialsScreenshot", "secretNeverReachesResultsConsoleOrLogs"})
    public void secondRunFindsTheWorkDoneAndChangesNothing() throws IOException {
        int auditBefore = sim.audit().size();
        HarnessProcess.Result again = setup();
        List<String> changes = new ArrayList<>();
        for (JsonNode e : sim.audit()) {
            // the cross-check's probe project is the one change a run makes on purpose, and only on the simulator
            if (e.get("seq").asInt() > auditBefore && !e.get("action").asText().equals("project.create")) changes.add(e.toString());
        }
        assertEquals(again.code(), 0, again.console());
        assertTrue(again.out().contains("already exists: reusing it"), again.out());
        assertTrue(again.out().contains("Setup was already complete: nothing was changed."), again.out());
        assertEquals(sim.accounts(cid).size(), 1);
        assertTrue(changes.isEmpty(), "no mutation of the setup on the second run: " + changes);
        try (Stream<Path> files = Files.list(creds.getParent())) {
            assertEquals(files.filter(p -> p.getFileName().toString().endsWith(".bak")).count(), 0L, "the credentials file was not rewritten");
        }
    }

    private JsonNode testResult() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = Sim.JSON.readTree(p.toFile());
                if (r.get("name").asText().equals("Guided setup")) return r;
            }
        }
        throw new AssertionError("no Guided setup result in " + results);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
