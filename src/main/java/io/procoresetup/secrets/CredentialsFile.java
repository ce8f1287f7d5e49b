package io.procoresetup.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procoresetup.evidence.Category;
import io.procoresetup.evidence.HarnessFailure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The default credentials sink: a JSON file readable only by its owner, outside the repository and the
 * results folder. Written to a 0600 temporary file first and moved into place, so it is never readable
 * by others, not even briefly; an existing file is kept as a timestamped backup.
 */
public final class CredentialsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    public CredentialsFile(Path path) { this.path = path.toAbsolutePath().normalize(); }

    public Path path() { return path; }

    /** The default: ~/.procore-setup-harness/credentials/<target>-<company>-<account>.json */
    public static Path defaultPath(String target, long companyId, String accountName) {
        String safe = accountName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("user.home"), ".procore-setup-harness", "credentials",
                target + "-" + companyId + "-" + safe + ".json");
    }

    /** Refuses a path inside any of the given folders (the repository, the results folder). */
    public static void refuseInside(Path file, List<Path> forbidden) {
        Path f = file.toAbsolutePath().normalize();
        for (Path dir : forbidden) {
            if (dir != null && f.startsWith(dir.toAbsolutePath().normalize())) {
                throw new HarnessFailure(Category.BAD_INPUT, "the credentials file " + f + " would be inside " + dir
                        + ", which is shared or committed; choose a path outside it (--credentials)");
            }
        }
    }

    public void save(Credentials c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("client_id", c.clientId());
        o.put("client_secret", c.clientSecret().reveal());
        o.put("company_id", c.companyId());
        o.put("account_name", c.accountName());
        o.put("target", c.target());
        o.put("app_url", c.appUrl());
        o.put("saved_at", c.savedAt().toString());
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path tmp = Files.createTempFile(dir, ".credentials-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
            if (Files.exists(path)) {
                Path backup = path.resolveSibling(path.getFileName() + "." + Instant.now().toEpochMilli() + ".bak");
                Files.copy(path, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new HarnessFailure(Category.BAD_INPUT, "cannot write the credentials file " + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw new HarnessFailure(Category.BAD_INPUT, "cannot write the credentials file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The saved credentials, if the file exists; a corrupt file is bad input, never silently replaced. */
    public Optional<Credentials> load() {
        if (!Files.exists(path)) return Optional.empty();
        try {
            JsonNode o = JSON.readTree(path.toFile());
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
}
