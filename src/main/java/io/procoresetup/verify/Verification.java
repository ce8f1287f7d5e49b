package io.procoresetup.verify;

import io.procoresetup.api.Dto;
import io.procoresetup.api.ProcoreApiException;
import io.procoresetup.api.ProcoreClient;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.verify.Check.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The cross-check: six checks of the account's own API view against what the UI showed. Each ends PASS, FAIL
 * (the answer shows the account is wrong) or COULD NOT CHECK (no usable answer: nothing is said about the account).
 */
public final class Verification {
    public static final List<String> NAMES = List.of("token is issued", "company is reachable", "/me is the account's Directory user",
            "Standard on every company tool", "projects visible = active projects", "added to all new projects");

    /** Creates a project where the target allows it (the simulator); null elsewhere. */
    public interface NewProjectProbe {
        long create(String name);
    }

    private Verification() {}

    /**
     * The questions of checks 1-4 (the token, the companies, /me, the permissions), asked as soon as the account's
     * credentials are saved: none depends on what the UI shows, so they can be asked while the run does other work
     * (Add All's job) and judged later. 2-4 go out at once once the token is issued.
     */
    public static final class Asked {
        final ProcoreClient api;
        final CompletableFuture<Optional<Duration>> token;
        final CompletableFuture<List<Dto.Company>> companies;
        final CompletableFuture<Dto.Me> me;
        final CompletableFuture<Dto.Permissions> permissions;
        final Executor asking;

        private Asked(ProcoreClient api, Executor asking) {
            this.api = api;
            this.asking = asking;
            token = CompletableFuture.supplyAsync(api::tokenLifetime, asking);
            companies = token.thenApplyAsync(t -> api.companies(), asking);
            me = token.thenApplyAsync(t -> api.me(), asking);
            permissions = token.thenApplyAsync(t -> api.permissions(), asking);
        }

        public ProcoreClient api() { return api; }
    }

    /** Starts asking checks 1-4's questions on the cross-check's threads. */
    public static Asked ask(ProcoreClient api) { return new Asked(api, ASKING); }

    /**
     * All six, as few answers deep as they can be: the token; then 2, 3, 4 and 5 at once (each its own request);
     * then 6, whose probe project must not be in 5's list.
     */
    public static List<Check> run(ProcoreClient api, Observation ui, NewProjectProbe probe) { return run(new Asked(api, ASKING), ui, probe); }

    /** As above, with the requests run by {@code asking} ({@code Runnable::run}: one at a time, in the checks' order). */
    public static List<Check> run(ProcoreClient api, Observation ui, NewProjectProbe probe, Executor asking) {
        return run(new Asked(api, asking), ui, probe);
    }

    /** All six, 1-4 from answers asked already (or being asked). */
    public static List<Check> run(Asked asked, Observation ui, NewProjectProbe probe) {
        // 5's question goes out with 2-4, once the token is issued
        CompletableFuture<Check> five = asked.token.handleAsync((t, e) -> e == null ? visible(asked.api, ui) : null, asked.asking);
        List<Check> out = account(asked, ui);
        if (out.size() == NAMES.size()) return out;                      // no token: nothing more to ask
        out.add(five.join());
        out.add(newProjects(asked.api, ui, probe));
        return out;
    }

    /**
     * Checks 1-4 judged on their answers, waiting for those still coming: the token and what the account reads about
     * itself. Without a token, all six, the rest COULD NOT CHECK.
     */
    private static List<Check> account(Asked asked, Observation ui) {
        Check token = token(asked, ui);
        if (!token.passed()) return withoutToken(token);
        List<Check> out = new ArrayList<>(List.of(token));
        out.add(company(asked, ui));
        out.add(me(asked, ui));
        out.add(permissions(asked, ui));
        return out;
    }

    /** The cross-check's requests run on threads of their own (the common pool has one thread on a 2-core machine). */
    private static final ExecutorService ASKING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cross-check");
        t.setDaemon(true);
        return t;
    });

    /** Runs on the cross-check's threads (a check never throws: what goes wrong is its verdict). */
    public static <T> CompletableFuture<T> ask(Supplier<T> work) { return CompletableFuture.supplyAsync(work, ASKING); }

    /** The answer, or what its asking threw, as if asked here. */
    private static <T> T answer(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static List<Check> withoutToken(Check token) {
        List<Check> out = new ArrayList<>(List.of(token));
        Category why = token.verdict() == Verdict.COULD_NOT_CHECK ? token.category() : Category.NETWORK;
        for (int i = 2; i <= 6; i++) out.add(Check.couldNotCheck(i, NAMES.get(i - 1), "", "", "no token (check 1)", why));
        return out;
    }

    // 1. token
    private static Check token(Asked asked, Observation ui) {
        String saved = "Client ID " + ui.clientId() + " saved";
        try {
            return Check.pass(1, NAMES.get(0), saved, answer(asked.token).map(d -> "token issued, valid " + d.toSeconds() + " s")
                    .orElse("token issued, no expiry given"));
        } catch (ProcoreApiException e) {
            return e.kind() == ProcoreApiException.Kind.AUTHENTICATION
                    ? Check.fail(1, NAMES.get(0), saved, e.received(), "the saved client ID and secret do not give a token")
                    : unusable(1, saved, e);
        } catch (RuntimeException e) {
            return unreadable(1, saved, e);
        }
    }

    // 2. company
    private static Check company(Asked asked, Observation ui) {
        return attempt(2, ui.companyName() + " (" + ui.companyId() + ")", () -> {
            for (Dto.Company c : answer(asked.companies)) {
                if (c.id() == ui.companyId()) {
                    boolean same = c.name().equals(ui.companyName());
                    return result(same, c.name() + " (" + c.id() + ")", same ? "" : "the API names the company differently");
                }
            }
            return result(false, "not among the account's companies", "the account is not connected to company " + ui.companyId());
        });
    }

    // 3. me
    private static Check me(Asked asked, Observation ui) {
        return attempt(3, ui.directoryName(), () -> {
            Dto.Me me = answer(asked.me);
            boolean same = me.name().equals(ui.directoryName());
            return result(same, me.name() + " (user " + me.id() + ")", same ? "" : "the token belongs to another user");
        });
    }

    // 4. permissions (the client refuses an answer without an access level: it is never read as 'None')
    private static Check permissions(Asked asked, Observation ui) {
        return attempt(4, "Standard on every company tool", () -> {
            Map<String, List<String>> byLevel = new LinkedHashMap<>();
            for (Dto.Tool t : answer(asked.permissions).tools()) {
                byLevel.computeIfAbsent(t.level().name(), k -> new ArrayList<>()).add(t.friendlyName() != null ? t.friendlyName() : t.name());
            }
            boolean ok = byLevel.size() == 1 && byLevel.containsKey("Standard");
            String detail = "";
            if (!ok) {
                List<String> parts = new ArrayList<>();
                byLevel.forEach((level, tools) -> { if (!level.equals("Standard")) parts.add(level + " on " + String.join(", ", tools)); });
                detail = String.join("; ", parts) + (byLevel.containsKey("None")
                        ? ". 'None' is the classic failure: the permission matrix was not set to Standard and saved" : "");
            }
            return result(ok, summary(byLevel), detail);
        });
    }

    // 5. projects
    private static Check visible(ProcoreClient api, Observation ui) {
        return attempt(5, ui.activeProjects().size() + " active projects listed", () -> {
            Set<String> seen = new LinkedHashSet<>();
            for (Dto.Project p : api.projects("Active")) seen.add(p.label());
            Set<String> listed = new LinkedHashSet<>(ui.activeProjects());
            List<String> missing = listed.stream().filter(p -> !seen.contains(p)).toList();
            List<String> extra = seen.stream().filter(p -> !listed.contains(p)).toList();
            String detail = (missing.isEmpty() ? "" : "missing " + missing.size() + ": " + names(missing))
                    + (!missing.isEmpty() && !extra.isEmpty() ? "; " : "") + (extra.isEmpty() ? "" : "extra " + extra.size() + ": " + names(extra));
            return result(missing.isEmpty() && extra.isEmpty(), seen.size() + " visible to the account", detail);
        });
    }

    // 6. new projects
    private static Check newProjects(ProcoreClient api, Observation ui, NewProjectProbe probe) {
        String box = ui.addToNewProjectsTicked() ? "box ticked after reload" : "box NOT ticked after reload";
        if (!ui.addToNewProjectsTicked()) {
            return Check.fail(6, NAMES.get(5), box, "", "\"Add ... to all new projects\" is not ticked: new projects will not reach the account");
        }
        if (probe == null) return Check.pass(6, NAMES.get(5), box, "not proven by creating a project (the target does not allow it)");
        return attempt(6, box, () -> {
            String name = "Cross-check probe " + System.currentTimeMillis();
            long id = probe.create(name);
            boolean got = api.projects("Active").stream().anyMatch(p -> p.id() == id);
            return result(got, got ? "new project " + id + " visible to the account" : "new project " + id + " NOT visible",
                    got ? "" : "a project created now did not reach the account");
        });
    }

    public static boolean allPassed(List<Check> checks) { return checks.stream().allMatch(Check::passed); }

    /** The checks whose answer shows the account is wrong. */
    public static List<String> failed(List<Check> checks) {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(c -> c.number() + " " + c.name()).toList();
    }

    /**
     * The most serious outcome, for the exit code: a FAIL (the account is wrong, whatever else could not be
     * checked), then rate limiting, then any other check that could not be made; null when all passed.
     */
    public static Category worst(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) return Category.VERIFICATION_MISMATCH;
        List<Check> open = checks.stream().filter(c -> c.verdict() == Verdict.COULD_NOT_CHECK).toList();
        if (open.isEmpty()) return null;
        return open.stream().anyMatch(c -> c.category() == Category.RATE_LIMITED) ? Category.RATE_LIMITED : Category.NETWORK;
    }

    /** One line: the failed checks, then the ones that could not be checked, grouped by what was received. */
    public static String summary(List<Check> checks) {
        List<String> parts = new ArrayList<>();
        List<String> failed = failed(checks);
        if (!failed.isEmpty()) parts.add("failed checks: " + String.join("; ", failed));
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (Check c : checks) {
            if (c.verdict() != Verdict.COULD_NOT_CHECK) continue;
            open.computeIfAbsent(c.api().isBlank() ? c.detail() : c.api(), k -> new ArrayList<>()).add(c.number() + " " + c.name());
        }
        if (!open.isEmpty()) {
            List<String> groups = new ArrayList<>();
            open.forEach((why, names) -> groups.add(String.join(", ", names) + " (" + why + ")"));
            parts.add("could not check: " + String.join("; ", groups));
        }
        return String.join("; ", parts);
    }

    private record Partial(boolean ok, String api, String detail) {}

    private interface Body { Partial run(); }

    private static Partial result(boolean ok, String api, String detail) { return new Partial(ok, api, detail); }

    private static Check attempt(int n, String ui, Body body) {
        try {
            Partial p = body.run();
            return p.ok() ? Check.pass(n, NAMES.get(n - 1), ui, p.api()) : Check.fail(n, NAMES.get(n - 1), ui, p.api(), p.detail());
        } catch (ProcoreApiException e) {
            return switch (e.kind()) {
                case FORBIDDEN -> Check.fail(n, NAMES.get(n - 1), ui, e.received(), "the account lacks permission (is it still at 'None'?)");
                case AUTHENTICATION -> Check.fail(n, NAMES.get(n - 1), ui, e.received(), "Procore refused the account's token");
                case NOT_FOUND -> Check.fail(n, NAMES.get(n - 1), ui, e.received(), "Procore says the account cannot see this");
                default -> unusable(n, ui, e);
            };
        } catch (HarnessFailure e) {
            return Check.couldNotCheck(n, NAMES.get(n - 1), ui, e.detail(), "run again",
                    e.category() == Category.RATE_LIMITED ? Category.RATE_LIMITED : Category.NETWORK);
        } catch (RuntimeException e) {
            return unreadable(n, ui, e);
        }
    }

    private static Check unusable(int n, String ui, ProcoreApiException e) { return unusable(n, NAMES.get(n - 1), ui, e); }

    /** No usable answer: the reason, and what to do about it. */
    static Check unusable(int n, String name, String ui, ProcoreApiException e) {
        String reason = switch (e.kind()) {
            case RATE_LIMITED -> e.retryAt() != null ? "rate limited past the deadline" : "rate limited: run again when Procore's rate-limit window resets";
            case DEADLINE -> "the deadline passed: run again, or allow more time with --deadline";
            case SERVER -> "Procore's server failed: run again later";
            case NETWORK -> "no answer: check the network, any proxy, and the API URL";
            case UNUSABLE -> "the answer was not data the check can use (a proxy or maintenance page?): run again later";
            default -> "Procore did not accept the question";
        };
        Category c = e.kind() == ProcoreApiException.Kind.RATE_LIMITED ? Category.RATE_LIMITED : Category.NETWORK;
        return Check.couldNotCheck(n, name, ui, e.received(), reason, c);
    }

    private static Check unreadable(int n, String ui, RuntimeException e) { return unreadable(n, NAMES.get(n - 1), ui, e); }

    static Check unreadable(int n, String name, String ui, RuntimeException e) {
        return Check.couldNotCheck(n, name, ui, "an answer the harness could not read (" + e.getClass().getSimpleName() + ")",
                "run again; if it persists, report it with the report attached", Category.NETWORK);
    }

    private static String summary(Map<String, List<String>> byLevel) {
        List<String> parts = new ArrayList<>();
        byLevel.forEach((level, tools) -> parts.add(level + " on " + tools.size() + " tool" + (tools.size() == 1 ? "" : "s")));
        return String.join(", ", parts);
    }

    private static String names(List<String> l) {
        return l.size() <= 10 ? String.join(", ", l) : String.join(", ", l.subList(0, 10)) + ", …";
    }
}
