package io.procoresetup.verify;

import io.procoresetup.api.Dto;
import io.procoresetup.api.ProcoreApiException;
import io.procoresetup.api.ProcoreClient;
import io.procoresetup.verify.Check.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cross-check: six checks of the account's own API view against what the UI showed. */
public final class Verification {
    public static final List<String> NAMES = List.of("token is issued", "company is reachable", "/me is the account's Directory user",
            "Standard on every company tool", "projects visible = active projects", "added to all new projects");

    /** Creates a project where the target allows it (the simulator); null elsewhere. */
    public interface NewProjectProbe {
        long create(String name);
    }

    private Verification() {}

    public static List<Check> run(ProcoreClient api, Observation ui, NewProjectProbe probe) {
        List<Check> out = new ArrayList<>();
        // 1. token
        try {
            long s = api.tokenLifetime().toSeconds();
            out.add(new Check(1, NAMES.get(0), "Client ID " + ui.clientId() + " saved", "token issued, valid " + s + " s", Verdict.PASS, ""));
        } catch (ProcoreApiException e) {
            out.add(new Check(1, NAMES.get(0), "Client ID " + ui.clientId() + " saved", e.procoreMessage(), Verdict.FAIL,
                    "the saved client ID and secret do not give a token"));
            for (int i = 2; i <= 6; i++) out.add(new Check(i, NAMES.get(i - 1), "", "", Verdict.SKIPPED, "no token"));
            return out;
        }
        // 2. company
        out.add(attempt(2, ui.companyName() + " (" + ui.companyId() + ")", () -> {
            for (Dto.Company c : api.companies()) {
                if (c.id() == ui.companyId()) {
                    boolean same = c.name().equals(ui.companyName());
                    return result(same, c.name() + " (" + c.id() + ")", same ? "" : "the API names the company differently");
                }
            }
            return result(false, "not among the account's companies", "the account is not connected to company " + ui.companyId());
        }));
        // 3. me
        out.add(attempt(3, ui.directoryName(), () -> {
            Dto.Me me = api.me();
            boolean same = me.name().equals(ui.directoryName());
            return result(same, me.name() + " (user " + me.id() + ")", same ? "" : "the token belongs to another user");
        }));
        // 4. permissions
        out.add(attempt(4, "Standard on every company tool", () -> {
            Map<String, List<String>> byLevel = new LinkedHashMap<>();
            for (Dto.Tool t : api.permissions().tools()) {
                String level = t.level() == null ? "None" : t.level().name();
                byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(t.friendlyName() != null ? t.friendlyName() : t.name());
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
        }));
        // 5. projects
        out.add(attempt(5, ui.activeProjects().size() + " active projects listed", () -> {
            Set<String> seen = new LinkedHashSet<>();
            for (Dto.Project p : api.projects("Active")) seen.add(p.label());
            Set<String> listed = new LinkedHashSet<>(ui.activeProjects());
            List<String> missing = listed.stream().filter(p -> !seen.contains(p)).toList();
            List<String> extra = seen.stream().filter(p -> !listed.contains(p)).toList();
            String detail = (missing.isEmpty() ? "" : "missing " + missing.size() + ": " + names(missing))
                    + (!missing.isEmpty() && !extra.isEmpty() ? "; " : "") + (extra.isEmpty() ? "" : "extra " + extra.size() + ": " + names(extra));
            return result(missing.isEmpty() && extra.isEmpty(), seen.size() + " visible to the account", detail);
        }));
        // 6. new projects
        String box = ui.addToNewProjectsTicked() ? "box ticked after reload" : "box NOT ticked after reload";
        if (!ui.addToNewProjectsTicked()) {
            out.add(new Check(6, NAMES.get(5), box, "", Verdict.FAIL, "\"Add ... to all new projects\" is not ticked: new projects will not reach the account"));
        } else if (probe == null) {
            out.add(new Check(6, NAMES.get(5), box, "not proven by creating a project (the target does not allow it)", Verdict.PASS, ""));
        } else {
            out.add(attempt(6, box, () -> {
                String name = "Cross-check probe " + System.currentTimeMillis();
                long id = probe.create(name);
                boolean got = api.projects("Active").stream().anyMatch(p -> p.id() == id);
                return result(got, got ? "new project " + id + " visible to the account" : "new project " + id + " NOT visible",
                        got ? "" : "a project created now did not reach the account");
            }));
        }
        return out;
    }

    public static boolean allPassed(List<Check> checks) { return checks.stream().allMatch(Check::passed); }

    public static List<String> failed(List<Check> checks) {
        return checks.stream().filter(c -> !c.passed()).map(c -> c.number() + " " + c.name()).toList();
    }

    private record Partial(boolean ok, String api, String detail) {}

    private interface Body { Partial run(); }

    private static Partial result(boolean ok, String api, String detail) { return new Partial(ok, api, detail); }

    private static Check attempt(int n, String ui, Body body) {
        try {
            Partial p = body.run();
            return new Check(n, NAMES.get(n - 1), ui, p.api(), p.ok() ? Verdict.PASS : Verdict.FAIL, p.detail());
        } catch (ProcoreApiException e) {
            return new Check(n, NAMES.get(n - 1), ui, "HTTP " + e.status() + ": " + e.procoreMessage(), Verdict.FAIL,
                    e.kind() == ProcoreApiException.Kind.FORBIDDEN ? "the account lacks permission (is it still at 'None'?)" : e.kind().name());
        }
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
