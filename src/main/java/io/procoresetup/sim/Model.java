package io.procoresetup.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The simulator's in-memory model. Mutated only under the {@link SimState} lock. */
final class Model {
    private Model() {}

    /** Company tool permission levels, as the permission matrix columns name them. */
    enum Level {
        NONE("None"), READ_ONLY("Read Only"), STANDARD("Standard"), ADMIN("Admin");

        final String label;

        Level(String label) { this.label = label; }

        int id() { return ordinal(); }

        static Level parse(String s) {
            for (Level l : values()) {
                if (l.label.equalsIgnoreCase(s) || l.name().equalsIgnoreCase(s)) return l;
            }
            return null;
        }
    }

    /** States of traditional service accounts (REFERENCE.md section 1: the 2025 sunset). */
    enum AccountsState { AVAILABLE, CREATION_DISABLED, SUNSET }

    /** Company tools as they appear in the permission matrix, in Procore's order. */
    static final List<String> TOOLS = List.of("Admin", "Directory", "Documents", "ERP Integrations",
            "Inspections", "Planroom", "Portfolio", "Reports", "Schedule", "Timecard");

    static final class Company {
        final long id;
        final String name;
        final Map<Long, Project> projects = new LinkedHashMap<>();
        final Map<Long, User> users = new LinkedHashMap<>();
        final Map<Long, ServiceAccount> accounts = new LinkedHashMap<>();
        final Map<Long, Template> templates = new LinkedHashMap<>();
        final Map<Long, AddAllJob> jobs = new LinkedHashMap<>();
        /** Apps installed (or once installed) here, by app id. */
        final Map<Long, Installation> installs = new LinkedHashMap<>();

        Company(long id, String name) { this.id = id; this.name = name; }

        long activeProjects() { return projects.values().stream().filter(p -> p.active).count(); }
    }

    static final class Project {
        final long id;
        final String name;
        final String number;
        boolean active;
        final boolean hasDirectory;
        final Instant createdAt;

        Project(long id, String name, String number, boolean active, boolean hasDirectory, Instant createdAt) {
            this.id = id; this.name = name; this.number = number; this.active = active;
            this.hasDirectory = hasDirectory; this.createdAt = createdAt;
        }

        String displayName() { return number + " - " + name; }
    }

    static final class Template {
        final long id;
        final String name;
        final String type;          // project_tools | company_tools | global

        Template(long id, String name, String type) { this.id = id; this.name = name; this.type = type; }
    }

    static final class User {
        final long id;
        final long companyId;
        String firstName;
        String lastName;
        final String email;
        final String password;          // null for service-account users: they cannot log in
        final boolean companyAdmin;
        final Long serviceAccountId;
        final Map<String, Level> permissions = new LinkedHashMap<>();
        boolean addToNewProjects;
        Long defaultTemplateId;
        final Map<Long, Long> projectTemplates = new LinkedHashMap<>();   // project id -> template id (0 = none)
        final Instant createdAt;
        /** The app whose install created this user (a DMSA), or null. */
        Long appId;
        /** False while its app is uninstalled: the user leaves the Directory and gets no new projects. */
        boolean active = true;

        User(long id, long companyId, String firstName, String lastName, String email, String password,
             boolean companyAdmin, Long serviceAccountId, Instant createdAt) {
            this.id = id; this.companyId = companyId; this.firstName = firstName; this.lastName = lastName;
            this.email = email; this.password = password; this.companyAdmin = companyAdmin;
            this.serviceAccountId = serviceAccountId; this.createdAt = createdAt;
            for (String t : TOOLS) permissions.put(t, companyAdmin ? Level.ADMIN : Level.NONE);
        }

        /** Service-account users are named "<account name>-<company name>" in the Directory. */
        String name() {
            if (lastName == null || lastName.isEmpty()) return firstName;
            return firstName + (serviceAccountId != null ? "-" : " ") + lastName;
        }

        String initials() {
            StringBuilder sb = new StringBuilder();
            for (String part : name().split("[\\s-]+")) if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0)));
            return sb.length() > 2 ? sb.substring(0, 2) : sb.toString();
        }

        Level level(String tool) { return permissions.getOrDefault(tool, Level.NONE); }

        Set<Long> projectIds() { return new LinkedHashSet<>(projectTemplates.keySet()); }
    }

    static final class ServiceAccount {
        final long id;
        final long companyId;
        final String name;
        final String description;
        final String appType;
        final String clientId;
        String clientSecret;
        long userId;
        boolean revealSecretOnce;
        final Instant createdAt;

        ServiceAccount(long id, long companyId, String name, String description, String appType,
                       String clientId, String clientSecret, Instant createdAt) {
            this.id = id; this.companyId = companyId; this.name = name; this.description = description;
            this.appType = appType; this.clientId = clientId; this.clientSecret = clientSecret;
            this.createdAt = createdAt;
        }
    }

    /**
     * An app version in Procore's catalogue, as an App Version ID names it (REFERENCE.md section 7): the vendor's
     * client credentials and the manifest's company tool levels, which its Directory user gets at install.
     */
    static final class App {
        final long id;
        final String name;
        final String versionId;
        final String version;
        final String developer;
        final String clientId;
        final String clientSecret;
        final Map<String, Level> manifest;

        App(long id, String name, String versionId, String version, String developer, String clientId, String clientSecret,
            Map<String, Level> manifest) {
            this.id = id; this.name = name; this.versionId = versionId; this.version = version; this.developer = developer;
            this.clientId = clientId; this.clientSecret = clientSecret; this.manifest = manifest;
        }

        /** The manifest's level for every company tool: None where it asks for nothing. */
        Map<String, Level> levels() {
            Map<String, Level> m = new LinkedHashMap<>();
            for (String t : TOOLS) m.put(t, manifest.getOrDefault(t, Level.NONE));
            return m;
        }
    }

    /** An app in one company: installed or uninstalled, and its Directory user (whose projects are the permitted projects). */
    static final class Installation {
        final App app;
        final long userId;
        boolean installed = true;
        Instant changedAt;

        Installation(App app, long userId, Instant at) { this.app = app; this.userId = userId; this.changedAt = at; }
    }

    /** The server-side Add All job: moves projects one by one into the user's memberships. */
    static final class AddAllJob {
        enum State { RUNNING, CANCELLED, COMPLETE, FAILED }

        final long userId;
        final List<Long> queue;
        int processed;
        final List<Long> added = new ArrayList<>();
        final List<Long> skipped = new ArrayList<>();
        State state = State.RUNNING;
        String message;

        AddAllJob(long userId, List<Long> queue) { this.userId = userId; this.queue = queue; }

        int percent() { return queue.isEmpty() ? 100 : (int) (processed * 100L / queue.size()); }
    }

    static final class Session {
        final String id;
        final long userId;
        Instant expiresAt;

        Session(String id, long userId, Instant expiresAt) { this.id = id; this.userId = userId; this.expiresAt = expiresAt; }
    }

    static final class Token {
        final String value;
        final long accountId;
        final Instant createdAt;
        Instant expiresAt;

        Token(String value, long accountId, Instant createdAt, Instant expiresAt) {
            this.value = value; this.accountId = accountId; this.createdAt = createdAt; this.expiresAt = expiresAt;
        }
    }

    record AuditEntry(long seq, Instant at, long companyId, String actor, String action, String detail) {}

    static Map<String, Level> allAt(Level level) {
        Map<String, Level> m = new LinkedHashMap<>();
        for (String t : TOOLS) m.put(t, level);
        return m;
    }
}
