package io.procoresetup.secrets;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
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
    public void aLongAccountNameGetsABoundedDefaultFileNameOfItsOwn() throws IOException {
        String longName = "n".repeat(230);
        Path p = CredentialsFile.defaultPath("sandbox", 562949953421312L, longName);
        assertTrue(p.getFileName().toString().getBytes().length < 120, "far below the 255-byte limit: " + p.getFileName());
        assertTrue(p.getFileName().toString().startsWith("sandbox-562949953421312-nnnn"), p.getFileName().toString());
        assertFalse(p.equals(CredentialsFile.defaultPath("sandbox", 562949953421312L, "n".repeat(231))), "two names, two files");
        assertFalse(CredentialsFile.defaultPath("sandbox", 1, "a/b").equals(CredentialsFile.defaultPath("sandbox", 1, "a_b")),
                "names that differ only in unsafe characters do not share a file");
        assertEquals(CredentialsFile.defaultPath("sandbox", 1, "laborchart-integration").getFileName().toString(),
                "sandbox-1-laborchart-integration.json", "a plain name stays readable");
        Path dir = Files.createTempDirectory("creds-");
        Path file = dir.resolve(p.getFileName());
        assertEquals(new CredentialsFile(file).save(creds("long-name-secret-0001")), file, "the bounded name can be written");
    }

    @Test
    public void aPathThatCannotBeWrittenFallsBackToAnOwnerOnlyFileAndLeavesNoTemporaryFile() throws IOException {
        Path dir = Files.createTempDirectory("creds-");
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        Path fallbackDir = dir.resolve("fallback");
        Path went = new CredentialsFile(blocker.resolve("c.json"), true, fallbackDir).save(creds("fallback-secret-0002"));
        assertTrue(went.startsWith(fallbackDir), "saved to the fallback folder: " + went);
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(went)), "rw-------");
        assertEquals(new CredentialsFile(went).load().orElseThrow().clientSecret().reveal(), "fallback-secret-0002");

        Path occupied = Files.createDirectories(dir.resolve("taken").resolve("c.json").resolve("inside"));   // a folder where the file goes
        Path went2 = new CredentialsFile(occupied.getParent(), true, fallbackDir).save(creds("fallback-secret-0003"));
        assertTrue(went2.startsWith(fallbackDir), went2.toString());
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(s.filter(x -> x.getFileName().toString().endsWith(".tmp")).count(), 0L, "no temporary copy of a secret left");
        }
    }

    @Test
    public void nothingWritableAnywhereIsOneClearFailureNamingBothPaths() throws IOException {
        Path blocker = Files.writeString(Files.createTempDirectory("creds-").resolve("blocker"), "file");
        HarnessFailure e = expectThrows(HarnessFailure.class,
                () -> new CredentialsFile(blocker.resolve("c.json"), true, blocker.resolve("fallback")).save(creds("nowhere-secret-0004")));
        assertTrue(e.getMessage().contains(blocker.resolve("c.json").toString()) && e.getMessage().contains("fallback"), e.getMessage());
        assertFalse(e.getMessage().contains("nowhere-secret-0004"));
    }

    @Test
    public void anExistingFolderIsMadeOwnerOnly() throws IOException {
        Path dir = Files.createTempDirectory("creds-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        new CredentialsFile(dir.resolve("c.json")).save(creds("folder-secret-0005"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "rwx------");
    }

    @Test
    public void aSymbolicLinkIsNeverFollowed() throws IOException {
        Path dir = Files.createTempDirectory("creds-");
        Path elsewhere = Files.writeString(dir.resolve("someone-elses.json"), "theirs");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("c.json"), elsewhere);
        HarnessFailure refused = expectThrows(HarnessFailure.class, () -> CredentialsFile.refuseInside(link, List.of()));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        Path went = new CredentialsFile(link, true, dir.resolve("fallback")).save(creds("link-secret-0006"));
        assertFalse(went.equals(link), "not written through the link");
        assertEquals(Files.readString(elsewhere), "theirs", "the link's target is untouched");
    }

    @Test
    public void aPathThatResolvesIntoTheRepositoryIsRefusedWhateverItLooksLike() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        Path outside = Files.createTempDirectory("creds-");
        Path alias = Files.createSymbolicLink(outside.resolve("repo-alias"), repo);
        HarnessFailure e = expectThrows(HarnessFailure.class,
                () -> CredentialsFile.refuseInside(alias.resolve("target").resolve("c.json"), List.of(repo)));
        assertEquals(e.category(), Category.BAD_INPUT);
        expectThrows(HarnessFailure.class, () -> CredentialsFile.refuseInside(outside.resolve("../" + outside.getFileName() + "/repo-alias/x.json"),
                List.of(repo)));
        CredentialsFile.refuseInside(outside.resolve("c.json"), List.of(repo));
    }

    @Test
    public void simulatorCredentialsAreNotBackedUp() throws IOException {
        Path file = Files.createTempDirectory("creds-").resolve("c.json");
        CredentialsFile f = new CredentialsFile(file, false);
        f.save(creds("sim-secret-old-0007"));
        f.save(creds("sim-secret-new-0008"));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(s.filter(p -> p.toString().endsWith(".bak")).count(), 0L, "a dead simulator's secret is not kept");
        }
    }

    @Test
    public void thePendingMarkerSaysThisMachineCreatedTheAccountAndHoldsNoSecret() throws IOException {
        Path file = Files.createTempDirectory("creds-").resolve("c.json");
        CredentialsFile f = new CredentialsFile(file);
        assertFalse(f.pending());
        f.markPending("laborchart-integration", 42);
        assertTrue(f.pending());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.pendingMarker())), "rw-------");
        assertTrue(Files.readString(f.pendingMarker()).contains("laborchart-integration"));
        f.save(creds("marker-secret-0009"));
        assertFalse(Files.readString(f.pendingMarker()).contains("marker-secret-0009"));
        f.clearPending();
        assertFalse(f.pending());
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
