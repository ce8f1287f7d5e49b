package io.procoresetup.secrets;

import io.procoresetup.evidence.Category;
import io.procoresetup.evidence.HarnessFailure;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** The credentials sink: owner-only from the first byte, backed up before replacement, never in shared folders. */
public class CredentialsFileTest {
    private static Credentials creds(String secret) {
        return new Credentials("client-id-1", Secret.of(secret), 562949953421312L, "laborchart-integration", "sandbox",
                "https://sandbox.procore.com", Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    public void savedOwnerOnlyInAnOwnerOnlyFolderAndReadBack() throws IOException {
        Path dir = Files.createTempDirectory("creds-");
        Path file = dir.resolve("nested").resolve("c.json");
        new CredentialsFile(file).save(creds("first-secret-value-123"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "rw-------");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())), "rwx------");
        Credentials back = new CredentialsFile(file).load().orElseThrow();
        assertEquals(back.clientSecret().reveal(), "first-secret-value-123");
        assertEquals(back.companyId(), 562949953421312L);
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), 0L, "no temporary file left");
        }
    }

    @Test
    public void existingFileIsBackedUpBeforeItIsReplaced() throws IOException {
        Path file = Files.createTempDirectory("creds-").resolve("c.json");
        CredentialsFile f = new CredentialsFile(file);
        f.save(creds("old-secret-value-1234"));
        f.save(creds("new-secret-value-5678"));
        assertEquals(f.load().orElseThrow().clientSecret().reveal(), "new-secret-value-5678");
        List<Path> backups;
        try (Stream<Path> s = Files.list(file.getParent())) {
            backups = s.filter(p -> p.getFileName().toString().endsWith(".bak")).toList();
        }
        assertEquals(backups.size(), 1);
        assertTrue(Files.readString(backups.get(0)).contains("old-secret-value-1234"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(backups.get(0))), "rw-------");
    }

    @Test
    public void refusesPathsInsideTheRepositoryOrResults() {
        Path repo = Path.of("").toAbsolutePath();
        HarnessFailure e = expectThrows(HarnessFailure.class,
                () -> CredentialsFile.refuseInside(repo.resolve("creds.json"), List.of(repo, repo.resolve("allure-results"))));
        assertEquals(e.category(), Category.BAD_INPUT);
        CredentialsFile.refuseInside(Path.of("/tmp/elsewhere/c.json"), List.of(repo));
    }

    @Test
    public void corruptFileIsBadInputNotReplaced() throws IOException {
        Path file = Files.createTempDirectory("creds-").resolve("c.json");
        Files.writeString(file, "{oops");
        HarnessFailure e = expectThrows(HarnessFailure.class, () -> new CredentialsFile(file).load());
        assertEquals(e.category(), Category.BAD_INPUT);
        assertEquals(Files.readString(file), "{oops");
    }

    @Test
    public void secretNeverPrintsItself() {
        Secret s = Secret.of("do-not-print-me-123456");
        assertEquals(s.toString(), "Secret[****]");
        assertFalse(creds("do-not-print-me-123456").toString().contains("do-not-print-me-123456"));
        assertEquals(Redactor.global().redact("x do-not-print-me-123456 y"), "x [REDACTED] y");
    }
}
