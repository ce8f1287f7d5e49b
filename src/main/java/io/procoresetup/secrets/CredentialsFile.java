package io.procoresetup.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The default credentials sink: a JSON file readable only by its owner, outside the repository and the
 * results folder. Written to a 0600 temporary file first and moved into place, so it is never readable
 * by others, not even briefly. An existing file of a real target is kept as a timestamped backup. When the
 * chosen path cannot be written, the credentials go to an owner-only fallback file instead of being lost.
 */
public final class CredentialsFile {
    /** Made when a file is first read or written, not when a run's input is checked (Jackson takes 80 ms to start). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** Longest account-name part of a default file name; longer names are cut and get a hash. */
    static final int MAX_SLUG = 64;

    private final Path path;
    private final boolean backups;
    private final Path fallbackDir;

    /** A sink at {@code path} that backs up a file it replaces. */
    public CredentialsFile(Path path) { this(path, true); }

    /** A sink at {@code path}; {@code backups} false for simulator credentials, which die with the simulator. */
    public CredentialsFile(Path path, boolean backups) { this(path, backups, home().resolve("credentials")); }

    /** As above, with the folder that takes the credentials when {@code path} cannot be written. */
    public CredentialsFile(Path path, boolean backups, Path fallbackDir) {
        this.path = path.toAbsolutePath().normalize();
        this.backups = backups;
        this.fallbackDir = fallbackDir;
    }

    public Path path() { return path; }

    /** Where the harness keeps its files: under $HOME, like every Unix tool (Java's user.home ignores $HOME). */
    public static Path home() {
        String env = System.getenv("HOME");
        return Path.of(env != null && !env.isBlank() ? env : System.getProperty("user.home"), ".procore-setup-harness");
    }

    /**
     * The default: $HOME/.procore-setup-harness/credentials/{target}-{company}-{account}.json, the account part
     * made safe for a file name and, when it had to be changed or cut, followed by a short hash of the full name
     * (so the name stays far below the 255-byte limit and two names never share a file).
     */
    public static Path defaultPath(String target, long companyId, String accountName) {
        return home().resolve("credentials").resolve(target + "-" + companyId + "-" + slug(accountName) + ".json");
    }

    static String slug(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.equals(name) && safe.length() <= MAX_SLUG && !safe.startsWith(".")) return safe;
        String cut = safe.length() > MAX_SLUG ? safe.substring(0, MAX_SLUG) : safe;
        return cut + "-" + sha256(name).substring(0, 10);
    }

    /**
     * Refuses, before anything is shown, a credentials path that resolves (symbolic links followed) inside any
     * of the given folders (the project, the working directory, the results folder), and a path that is itself
     * a symbolic link: the harness writes its own owner-only file, never through a link to someone else's.
     */
    public static void refuseInside(Path file, List<Path> forbidden) {
        Path f = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(f)) {
            throw new HarnessFailure(Category.BAD_INPUT, "the credentials file " + f + " is a symbolic link; give the real path (--credentials)");
        }
        Path real = realish(f);
        for (Path dir : forbidden) {
            if (dir == null) continue;
            Path d = realish(dir.toAbsolutePath().normalize());
            if (real.startsWith(d)) {
                throw new HarnessFailure(Category.BAD_INPUT, "the credentials file " + f + " would be inside " + d
                        + ", which is shared or committed; choose a path outside it (--credentials)");
            }
        }
    }

    /** The real path of the nearest existing ancestor, with the rest appended: links resolved where they exist. */
    static Path realish(Path p) {
        Path existing = p;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) return p;
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    /**
     * Saves the credentials. When this path cannot be written (a name too long, a folder that is a file, a
     * symbolic link), they go to an owner-only fallback file under $HOME instead; the returned path says
     * where they went. Only when no file at all can be written does this fail, naming both attempts.
     */
    public Path save(Credentials c) {
        try {
            write(path, c);
            return path;
        } catch (IOException | RuntimeException first) {
            Path fallback = fallbackDir.resolve("rescued-" + c.companyId() + "-" + Instant.now().toEpochMilli() + ".json");
            try {
                write(fallback, c);
                return fallback;
            } catch (IOException | RuntimeException second) {
                throw new HarnessFailure(Category.BAD_INPUT, "cannot write the credentials to " + path + " (" + reason(first)
                        + ") nor to " + fallback + " (" + reason(second) + ")");
            }
        }
    }

    private void write(Path target, Credentials c) throws IOException {
        if (Files.isSymbolicLink(target)) throw new IOException("it is a symbolic link");
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("client_id", c.clientId());
        o.put("client_secret", c.clientSecret().reveal());
        o.put("company_id", c.companyId());
        o.put("account_name", c.accountName());
        o.put("target", c.target());
        o.put("app_url", c.appUrl());
        o.put("saved_at", c.savedAt().toString());
        Path dir = target.getParent();
        Files.createDirectories(dir, OWNER_DIR);
        ownerOnly(dir);
        Path tmp = Files.createTempFile(dir, ".credentials-", ".tmp", OWNER_FILE);
        try {
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
            if (backups && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path backup = target.resolveSibling(target.getFileName() + "." + Instant.now().toEpochMilli() + ".bak");
                Files.write(Files.createFile(backup, OWNER_FILE), Files.readAllBytes(target));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);                       // on every path: no copy of the secret left behind
        }
    }

    /** The folder that holds credentials is the owner's alone, even if it existed with wider rights. */
    private static void ownerOnly(Path dir) throws IOException {
        Set<PosixFilePermission> want = PosixFilePermissions.fromString("rwx------");
        if (!Files.getPosixFilePermissions(dir).equals(want)) Files.setPosixFilePermissions(dir, want);
    }

    /** The saved credentials, if the file exists; a corrupt file is bad input, never silently replaced. */
    public Optional<Credentials> load() {
        if (!Files.exists(path)) return Optional.empty();
        try {
            JsonNode o = Json.MAPPER.readTree(path.toFile());
            if (o == null || !o.hasNonNull("client_id") || !o.hasNonNull("client_secret")) {
                throw new HarnessFailure(Category.BAD_INPUT, "the credentials file " + path + " is not one the harness wrote (no client_id/client_secret)");
            }
            return Optional.of(new Credentials(o.get("client_id").asText(), Secret.of(o.get("client_secret").asText()),
                    o.path("company_id").asLong(), o.path("account_name").asText(), o.path("target").asText(),
                    o.path("app_url").asText(), Instant.parse(o.path("saved_at").asText(Instant.EPOCH.toString()))));
        } catch (IOException e) {
            throw new HarnessFailure(Category.BAD_INPUT, "the credentials file " + path + " is not valid JSON");
        }
    }

    /**
     * A marker beside the file, written just before Create and removed once the secret is saved: a later run
     * that finds it knows this machine created the account and lost the secret before saving it, so nobody else
     * can hold it and Reset Secret is safe. It holds no secret.
     */
    public Path pendingMarker() { return path.resolveSibling(path.getFileName() + ".pending"); }

    public void markPending(String accountName, long companyId) {
        try {
            Files.createDirectories(path.getParent(), OWNER_DIR);
            Files.deleteIfExists(pendingMarker());
            Files.writeString(Files.createFile(pendingMarker(), OWNER_FILE), "{\"account_name\":" + Json.MAPPER.writeValueAsString(accountName)
                    + ",\"company_id\":" + companyId + ",\"since\":\"" + Instant.now() + "\"}\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // without the marker a later run asks before Reset Secret: safe, only less convenient
        }
    }

    public boolean pending() { return Files.exists(pendingMarker()); }

    public void clearPending() {
        try {
            Files.deleteIfExists(pendingMarker());
        } catch (IOException ignored) {
            // a stale marker only lets a later run reset a secret this machine created
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) m = fs.getReason();
        return m.lines().findFirst().orElse(m);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
