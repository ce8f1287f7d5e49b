package io.procoresetup.sim;

import io.procoresetup.sim.Model.AddAllJob;
import io.procoresetup.sim.Model.App;
import io.procoresetup.sim.Model.Installation;
import io.procoresetup.sim.Model.AuditEntry;
import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.Level;
import io.procoresetup.sim.Model.Project;
import io.procoresetup.sim.Model.ServiceAccount;
import io.procoresetup.sim.Model.Session;
import io.procoresetup.sim.Model.Template;
import io.procoresetup.sim.Model.Token;
import io.procoresetup.sim.Model.User;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one in-memory state behind the simulator's pages and API. All access goes through its lock. */
final class SimState {
    static final long FIRST_COMPANY_ID = 562_949_953_421_312L;   // 2^49: ids above 32 bits, as on Procore
    static final String DEFAULT_PASSWORD = "procore-sim";
    static final String ADMIN_EMAIL = "admin@example.com";
    static final String FIELD_EMAIL = "field.user@example.com";

    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-add-all");
        t.setDaemon(true);
        return t;
    });

    final SimConfig config;
    final Faults faults = new Faults();
    final Labels labels = new Labels();
    final Map<Long, Company> companies = new LinkedHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    /** Every client secret the simulator ever issued, so tests can prove none leaked. */
    final List<String> issuedSecrets = new ArrayList<>();
    final RateLimiter rateLimiter;
    private long nextCompanyId = FIRST_COMPANY_ID;
    private long nextId = 4_294_967_296L * 16;   // 2^36
    /** Procore's app catalogue: the vendor's app outlives any reset of the companies. */
    final Map<Long, App> catalogue = new LinkedHashMap<>();
    final App seededApp;

    SimState(SimConfig config) {
        this.config = config;
        this.rateLimiter = new RateLimiter(config);
        Map<String, Level> manifest = new LinkedHashMap<>();
        SimServer.APP_PERMISSIONS.forEach((tool, level) -> manifest.put(tool, Level.parse(level)));
        this.seededApp = new App(id(), SimServer.APP_NAME, SimServer.APP_VERSION_ID, SimServer.APP_VERSION, SimServer.APP_DEVELOPER,
                SimServer.APP_CLIENT_ID, randomHex(32), Map.copyOf(manifest));
        catalogue.put(seededApp.id, seededApp);
        issuedSecrets.add(seededApp.clientSecret);
    }

    synchronized void reset() {
        companies.values().forEach(c -> c.jobs.values().forEach(j -> j.state = AddAllJob.State.CANCELLED));
        companies.clear();
        sessions.clear();
        tokens.clear();
        audit.clear();
        issuedSecrets.clear();
        issuedSecrets.add(seededApp.clientSecret);
        faults.clear();
        labels.reset();
        rateLimiter.clear();
        nextCompanyId = FIRST_COMPANY_ID;
    }

    synchronized long id() { return ++nextId; }

    String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---- seeding -------------------------------------------------------------------------------

    /** Seeds a company with its admin, a user without admin rights, templates and projects. */
    synchronized Company seedCompany(String name, int activeProjects, int inactiveProjects,
                                     int projectsWithoutDirectory, int extraUsers) {
        Company c = new Company(nextCompanyId++, name);
        companies.put(c.id, c);
        Instant now = Instant.now();
        String suffix = c.id == FIRST_COMPANY_ID ? "" : "+" + (c.id - FIRST_COMPANY_ID);
        addUser(c, "Alex", "Admin", ADMIN_EMAIL.replace("@", suffix + "@"), DEFAULT_PASSWORD, true, now);
        addUser(c, "Field", "User", FIELD_EMAIL.replace("@", suffix + "@"), DEFAULT_PASSWORD, false, now);
        for (String t : List.of("Project Manager", "Superintendent", "Subcontractor", "Read Only Viewer")) {
            Template tpl = new Template(id(), t, "project_tools");
            c.templates.put(tpl.id, tpl);
        }
        Template companyTpl = new Template(id(), "Company Standard", "company_tools");
        c.templates.put(companyTpl.id, companyTpl);
        for (int i = 1; i <= activeProjects; i++) addProject(c, "Project " + i, true, i <= activeProjects - projectsWithoutDirectory, now);
        for (int i = 1; i <= inactiveProjects; i++) addProject(c, "Closed Project " + i, false, true, now);
        for (int i = 1; i <= extraUsers; i++) {
            addUser(c, "Worker" + i, "Crew", "worker" + i + suffix.replace("+", ".") + "@example.com", null, false, now);
        }
        return c;
    }

    private User addUser(Company c, String first, String last, String email, String password, boolean admin, Instant now) {
        User u = new User(id(), c.id, first, last, email, password, admin, null, now);
        c.users.put(u.id, u);
        return u;
    }

    synchronized Project addProject(Company c, String name, boolean active, boolean hasDirectory, Instant now) {
        Project p = new Project(id(), name, String.format("%05d", c.projects.size() + 1), active, hasDirectory, now);
        c.projects.put(p.id, p);
        return p;
    }

    /** A project created after setup: members who chose "add to all new projects" get it. */
    synchronized Project createProject(Company c, String name, String actor) {
        Project p = addProject(c, name, true, true, Instant.now());
        for (User u : c.users.values()) {
            if (u.addToNewProjects && u.active) u.projectTemplates.put(p.id, u.defaultTemplateId == null ? 0L : u.defaultTemplateId);
        }
        audit(c.id, actor, "project.create", "project " + p.id + " " + name);
        return p;
    }

    // ---- look-ups ------------------------------------------------------------------------------

    synchronized Optional<Company> company(long id) { return Optional.ofNullable(companies.get(id)); }

    synchronized Optional<User> userByEmail(String email) {
        return companies.values().stream().flatMap(c -> c.users.values().stream())
                .filter(u -> u.email != null && u.email.equalsIgnoreCase(email)).findFirst();
    }

    synchronized Optional<User> user(long id) {
        return companies.values().stream().map(c -> c.users.get(id)).filter(u -> u != null).findFirst();
    }

    synchronized Optional<ServiceAccount> accountByClientId(String clientId) {
        return companies.values().stream().flatMap(c -> c.accounts.values().stream())
                .filter(a -> a.clientId.equals(clientId)).findFirst();
    }

    synchronized Optional<ServiceAccount> account(long id) {
        return companies.values().stream().map(c -> c.accounts.get(id)).filter(a -> a != null).findFirst();
    }

    synchronized Optional<App> app(long id) { return Optional.ofNullable(catalogue.get(id)); }

    synchronized Optional<App> appByClientId(String clientId) {
        return catalogue.values().stream().filter(a -> a.clientId.equals(clientId)).findFirst();
    }

    synchronized Optional<App> appByVersionId(String versionId) {
        return catalogue.values().stream().filter(a -> a.versionId.equalsIgnoreCase(versionId)).findFirst();
    }

    /** The app's installation in this company when it is installed now; null otherwise. */
    synchronized Installation installed(Company c, App a) {
        Installation i = c.installs.get(a.id);
        return i != null && i.installed ? i : null;
    }

    // ---- mutations -----------------------------------------------------------------------------

    synchronized void audit(long companyId, String actor, String action, String detail) {
        audit.add(new AuditEntry(audit.size() + 1, Instant.now(), companyId, actor, action, detail));
    }

    /** Validates and creates a traditional service account; returns the errors, empty on success. */
    synchronized List<String> createAccount(Company c, String name, String description, String appType,
                                            String actor, ServiceAccount[] created) {
        List<String> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) errors.add("Name can't be blank");
        else if (n.length() > 255) errors.add("Name is too long (maximum is 255 characters)");
        else if (c.accounts.values().stream().anyMatch(a -> a.name.equalsIgnoreCase(n))) errors.add("Name has already been taken");
        if (!"Custom".equals(appType) && !"Marketplace".equals(appType)) errors.add("App type is not included in the list");
        if (!errors.isEmpty()) return errors;
        Instant now = Instant.now();
        String secret = randomHex(32);
        ServiceAccount a = new ServiceAccount(id(), c.id, n, description == null ? "" : description.strip(),
                appType, randomHex(32), secret, now);
        issuedSecrets.add(secret);
        String email = "sa-" + a.id + "@serviceaccounts.procore.invalid";
        User u = new User(id(), c.id, n, c.name, email, null, false, a.id, now);
        c.users.put(u.id, u);
        a.userId = u.id;
        a.revealSecretOnce = true;
        c.accounts.put(a.id, a);
        audit(c.id, actor, "service_account.create", "account " + a.id + " " + n);
        created[0] = a;
        return errors;
    }

    /** Reset Secret: a new secret, and every permission and project membership of the account wiped. */
    synchronized void resetSecret(Company c, ServiceAccount a, String actor) {
        a.clientSecret = randomHex(32);
        issuedSecrets.add(a.clientSecret);
        a.revealSecretOnce = true;
        tokens.values().removeIf(t -> t.accountId == a.id);
        User u = c.users.get(a.userId);
        if (u != null) {
            u.permissions.replaceAll((k, v) -> Level.NONE);
            u.projectTemplates.clear();
            u.addToNewProjects = false;
            u.defaultTemplateId = null;
            AddAllJob job = c.jobs.get(u.id);
            if (job != null && job.state == AddAllJob.State.RUNNING) job.state = AddAllJob.State.CANCELLED;
        }
        audit(c.id, actor, "service_account.reset_secret", "account " + a.id);
    }

    synchronized void deleteAccount(Company c, ServiceAccount a, String actor) {
        c.accounts.remove(a.id);
        c.users.remove(a.userId);
        tokens.values().removeIf(t -> t.accountId == a.id);
        audit(c.id, actor, "service_account.delete", "account " + a.id + " " + a.name);
    }

    /**
     * Installs an app (Install Custom App, or Reinstall): the first install creates its Directory user, named after
     * the app plus a random string, with the manifest's levels. A reinstall brings that user back with the
     * manifest's levels and no permitted projects (REFERENCE.md section 7: an update or reinstall resets them).
     * Installing an app that is installed changes nothing.
     */
    synchronized Installation install(Company c, App a, String actor) {
        Instant now = Instant.now();
        Installation i = c.installs.get(a.id);
        if (i != null && i.installed) return i;
        if (i == null) {
            String suffix = randomHex(4);
            String email = a.name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + suffix + "@dmsa.procore.invalid";
            User u = new User(id(), c.id, a.name + " " + suffix, null, email, null, false, null, now);
            u.appId = a.id;
            c.users.put(u.id, u);
            i = new Installation(a, u.id, now);
            c.installs.put(a.id, i);
            audit(c.id, actor, "app.install", "app " + a.versionId + " user " + u.id);
        } else {
            i.installed = true;
            i.changedAt = now;
            audit(c.id, actor, "app.reinstall", "app " + a.versionId + " user " + i.userId);
        }
        User u = c.users.get(i.userId);
        u.active = true;
        u.permissions.clear();
        u.permissions.putAll(a.levels());
        u.projectTemplates.clear();
        return i;
    }

    /** Uninstall: the app moves to Uninstalled Apps, its user leaves the Directory and its tokens stop reaching the company. */
    synchronized void uninstall(Company c, Installation i, String actor) {
        if (!i.installed) return;
        i.installed = false;
        i.changedAt = Instant.now();
        User u = c.users.get(i.userId);
        if (u != null) {
            u.active = false;
            u.projectTemplates.clear();
        }
        audit(c.id, actor, "app.uninstall", "app " + i.app.versionId);
    }

    /** An update of the app: the same user and levels, the permitted projects reset. */
    synchronized void update(Company c, Installation i, String actor) {
        User u = c.users.get(i.userId);
        if (u != null) u.projectTemplates.clear();
        i.changedAt = Instant.now();
        audit(c.id, actor, "app.update", "app " + i.app.versionId);
    }

    /** Permits projects to an installed app (its user joins them); unknown or inactive ids are ignored. Returns how many were added. */
    synchronized int permit(Company c, Installation i, java.util.Collection<Long> projectIds, String actor) {
        User u = c.users.get(i.userId);
        int added = 0;
        for (Long pid : projectIds) {
            Project p = c.projects.get(pid);
            if (p == null || !p.active || u.projectTemplates.containsKey(pid)) continue;
            u.projectTemplates.put(pid, u.defaultTemplateId == null ? 0L : u.defaultTemplateId);
            added++;
        }
        audit(c.id, actor, "app.permit_projects", "app " + i.app.versionId + " added " + added);
        return added;
    }

    synchronized void saveUser(Company c, User u, Map<String, Level> levels, boolean addToNew, Long templateId, String actor) {
        if (u.appId == null) u.permissions.putAll(levels);      // an app's user keeps its manifest's levels
        u.addToNewProjects = addToNew;
        u.defaultTemplateId = templateId;
        audit(c.id, actor, "user.update", "user " + u.id + " permissions " + levels.values().stream().distinct().toList()
                + " add_to_new_projects=" + addToNew);
    }

    synchronized boolean addToProject(Company c, User u, Project p, Long templateId, String actor) {
        if (u.projectTemplates.containsKey(p.id)) return false;
        u.projectTemplates.put(p.id, templateId == null ? (u.defaultTemplateId == null ? 0L : u.defaultTemplateId) : templateId);
        audit(c.id, actor, "project_user.add", "user " + u.id + " project " + p.id);
        return true;
    }

    /** Starts (or resumes) the Add All job for a user; null when Add All is not offered. */
    synchronized AddAllJob startAddAll(Company c, User u, String actor) {
        if (c.activeProjects() >= 2000) return null;
        AddAllJob current = c.jobs.get(u.id);
        if (current != null && current.state == AddAllJob.State.RUNNING) return current;
        List<Long> queue = c.projects.values().stream()
                .filter(p -> p.active && !u.projectTemplates.containsKey(p.id)).map(p -> p.id).toList();
        AddAllJob job = new AddAllJob(u.id, new ArrayList<>(queue));
        c.jobs.put(u.id, job);
        audit(c.id, actor, "add_all.start", "user " + u.id + " projects " + queue.size());
        if (queue.isEmpty()) job.state = AddAllJob.State.COMPLETE;
        else scheduleTick(c, job, actor);
        return job;
    }

    private void scheduleTick(Company c, AddAllJob job, String actor) {
        jobs.schedule(() -> tick(c, job, actor), Math.max(1, config.addAllMillisPerProject), TimeUnit.MILLISECONDS);
    }

    private synchronized void tick(Company c, AddAllJob job, String actor) {
        if (job.state != AddAllJob.State.RUNNING || companies.get(c.id) != c) return;
        Integer stall = faults.addAllStallAt;
        Integer fail = faults.addAllFailAt;
        if (fail != null && job.percent() >= fail) {
            job.state = AddAllJob.State.FAILED;
            job.message = "Something went wrong while adding projects. Some projects were not added.";
            audit(c.id, actor, "add_all.failed", "user " + job.userId + " at " + job.percent() + "%");
            return;
        }
        if (stall != null && job.percent() >= stall) {
            scheduleTick(c, job, actor);        // the job hangs: no progress until the fault is lifted
            return;
        }
        User u = c.users.get(job.userId);
        long pid = job.queue.get(job.processed);
        Project p = c.projects.get(pid);
        if (u == null) {
            job.state = AddAllJob.State.FAILED;
            return;
        }
        if (p != null && p.hasDirectory) {
            if (!u.projectTemplates.containsKey(pid)) {
                u.projectTemplates.put(pid, u.defaultTemplateId == null ? 0L : u.defaultTemplateId);
                job.added.add(pid);
            }
        } else {
            job.skipped.add(pid);       // Procore skips projects without a Directory
        }
        job.processed++;
        if (job.processed >= job.queue.size()) {
            job.state = AddAllJob.State.COMPLETE;
            audit(c.id, actor, "add_all.complete", "user " + job.userId + " added " + job.added.size()
                    + " skipped " + job.skipped.size());
        } else {
            scheduleTick(c, job, actor);
        }
    }

    synchronized void cancelAddAll(Company c, User u, String actor) {
        AddAllJob job = c.jobs.get(u.id);
        if (job != null && job.state == AddAllJob.State.RUNNING) {
            job.state = AddAllJob.State.CANCELLED;
            audit(c.id, actor, "add_all.cancel", "user " + u.id + " at " + job.percent() + "%");
        }
    }

    // ---- sessions and tokens -------------------------------------------------------------------

    Session newSession(User u) {
        Session s = new Session(randomHex(24), u.id, Instant.now().plusSeconds(config.sessionTtlSeconds));
        sessions.put(s.id, s);
        return s;
    }

    Token newToken(ServiceAccount a) { return newToken(a.id); }

    /** An app's token: not bound to a company; the company header picks one where the app is installed. */
    Token newToken(App a) { return newToken(a.id); }

    private Token newToken(long ownerId) {
        Instant now = Instant.now();
        Token t = new Token(randomHex(32), ownerId, now, now.plusSeconds(config.tokenTtlSeconds));
        tokens.put(t.value, t);
        return t;
    }

    void shutdown() { jobs.shutdownNow(); }
}
