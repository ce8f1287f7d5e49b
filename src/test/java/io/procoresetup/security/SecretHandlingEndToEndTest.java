package io.procoresetup.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.HarnessProcess;
import io.procoresetup.support.Sim;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * The secret is never lost and never rotated behind the user's back; the admin password stays out of every
 * file; the simulator's control API answers only its own harness. Real Chromium against the simulator.
 */
public class SecretHandlingEndToEndTest {
    private Sim sim;
    private Path work;
    private Path home;
    private Map<String, String> env;

    @BeforeClass
    public void start() throws IOException {
        sim = new Sim();
        work = Files.createTempDirectory("harness-secrets-");
        home = Files.createDirectories(work.resolve("home"));
        env = new HashMap<>(sim.controlEnv());
        env.put("HOME", home.toString());
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private HarnessProcess.Result setup(Map<String, String> environment, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("setup", "--app-url", sim.url(), "--results", work.resolve("results").toString(),
                "--no-report"));
        args.addAll(List.of(more));
        return HarnessProcess.run(environment, args.toArray(String[]::new));
    }

    @Test
    public void aSecretSavedElsewhereIsNotResetWithoutConsent() throws IOException {
        long cid = sim.freshCompany(5, 0, 0, 0);
        Path elsewhere = work.resolve("machine-a/c.json");
        assertEquals(setup(env, "--credentials", elsewhere.toString()).code(), 0, "another machine set it up");
        String liveSecret = sim.accounts(cid).get(0).get("clientSecret").asText();
        int before = sim.audit().size();

        HarnessProcess.Result refused = setup(env, "--credentials", work.resolve("machine-b/c.json").toString());
        assertEquals(refused.code(), 4, refused.console());
        assertTrue(refused.err().contains("--reset-secret") && refused.err().contains("stops working"), refused.err());
        assertEquals(sim.audit().size(), before, "nothing was changed");
        assertEquals(sim.token(sim.accounts(cid).get(0).get("clientId").asText(), liveSecret).status(), 200, "the live secret still works");

        HarnessProcess.Result agreed = setup(env, "--credentials", work.resolve("machine-b/c.json").toString(), "--reset-secret");
        assertEquals(agreed.code(), 0, agreed.console());
        assertEquals(sim.accounts(cid).size(), 1, "still one account");
        assertNotEquals(sim.accounts(cid).get(0).get("clientSecret").asText(), liveSecret, "reset because the user said so");
    }

    @Test
    public void aLongNameIsSavedUnderABoundedDefaultFileName() throws IOException {
        sim.freshCompany(3, 0, 0, 0);
        String name = "integration-" + "x".repeat(218);
        HarnessProcess.Result r = setup(env, "--name", name);
        assertEquals(r.code(), 0, r.console());
        Path dir = home.resolve(".procore-setup-harness/credentials");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().contains("integration-xxx")).toList();
            assertEquals(files.size(), 1, "one credentials file: " + files);
            assertTrue(files.get(0).getFileName().toString().length() < 120, files.get(0).toString());
            assertTrue(r.out().contains(files.get(0).toString()), "the console says where it went");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(s.filter(p -> p.toString().endsWith(".tmp")).count(), 0L, "no temporary file left");
        }
    }

    @Test
    public void aPathThatCannotBeWrittenStillSavesTheSecretAndSaysWhere() throws IOException {
        long cid = sim.freshCompany(3, 0, 0, 0);
        Path blocker = Files.writeString(work.resolve("blocker-" + cid), "a file, not a folder");
        HarnessProcess.Result r = setup(env, "--credentials", blocker.resolve("c.json").toString());
        assertEquals(r.code(), 0, r.console());
        assertTrue(r.out().contains("could not write " + blocker.resolve("c.json")), r.out());
        Path rescued;
        try (Stream<Path> s = Files.list(home.resolve(".procore-setup-harness/credentials"))) {
            rescued = s.filter(p -> p.getFileName().toString().startsWith("rescued-" + cid)).findFirst().orElseThrow();
        }
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(rescued)), "rw-------");
        JsonNode saved = Sim.JSON.readTree(rescued.toFile());
        assertEquals(saved.get("client_secret").asText(), sim.accounts(cid).get(0).get("clientSecret").asText(), "the secret is not lost");
        assertTrue(r.out().contains(rescued.toString()), "the console names the fallback file");
    }

    @Test
    public void theAdminPasswordReachesNoFile() throws IOException {
        sim.freshCompany(3, 0, 0, 0);
        Map<String, String> withPassword = new HashMap<>(env);
        withPassword.put("PROCORE_PASSWORD", "procore-sim");
        Path results = work.resolve("results-password");
        HarnessProcess.Result r = HarnessProcess.run(withPassword, "setup", "--app-url", sim.url(), "--user", "admin@example.com",
                "--results", results.toString(), "--credentials", work.resolve("pw/c.json").toString(), "--no-report");
        assertEquals(r.code(), 0, r.console());
        assertFalse(r.console().contains("procore-sim"), "not on the console");
        try (Stream<Path> s = Files.walk(results)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains("procore-sim"), "the password is in " + p);
            }
        }
    }

    @Test
    public void theControlApiAnswersOnlyWithItsToken() throws IOException {
        OkHttpClient plain = new OkHttpClient();
        for (String token : new String[] {null, "wrong-token", ""}) {
            Request.Builder r = new Request.Builder().url(sim.url() + "/__control/secrets");
            if (token != null) r.header("X-Control-Token", token);
            try (okhttp3.Response resp = plain.newCall(r.build()).execute()) {
                assertEquals(resp.code(), 401, "token " + token);
                assertFalse(resp.body().string().contains("secrets\""), "no secret served without the token");
            }
        }
        assertEquals(sim.get("/__control/secrets").status(), 200, "the simulator's own harness has it");
    }
}
