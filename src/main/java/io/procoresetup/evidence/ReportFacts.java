package io.procoresetup.evidence;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;

import java.util.List;
import java.util.Set;

/**
 * What the report's reader sees first: human labels instead of Java class names (epic = the job, feature = the
 * route, a story per step; parent suite = the company and target, suite = the job), a link per step to the
 * Procore article it follows, and the outcome as the test's HTML description. Applies to the current test case.
 */
public final class ReportFacts {
    public static final String SETUP_JOB = "Procore service account setup";
    public static final String PLAN_JOB = "Procore service account setup plan";
    public static final String VERIFY_JOB = "Procore service account verification";
    public static final String REGRESSION_JOB = "Procore UI regression";
    /** One step of a route: its title and the Procore article a person would follow for it. */
    public record StepSource(String title, String article) {}

    /** Labels that allure-testng fills with Java names; they are replaced by human ones. */
    private static final Set<String> JAVA_NAMES = Set.of("parentSuite", "suite", "subSuite", "package", "testClass", "testMethod");

    private ReportFacts() {}

    /** The report's title: the job and the company, e.g. "Procore service account setup: Granite Ridge (5629…)". */
    public static String reportName(String job, String companyName, Long companyId) {
        return job + (companyName == null ? "" : ": " + companyName + (companyId == null ? "" : " (" + companyId + ")"));
    }

    /**
     * Labels the current test: epic, feature and stories for Behaviors and "Features by stories"; parent suite,
     * suite and sub-suite with human names for the suite tree.
     */
    public static void label(String job, String route, List<String> stories, String where, String what) {
        Allure.getLifecycle().updateTestCase(t -> {
            t.getLabels().removeIf(l -> JAVA_NAMES.contains(l.getName()) || Set.of("epic", "feature", "story").contains(l.getName()));
            t.getLabels().add(new Label().setName("epic").setValue(job));
            t.getLabels().add(new Label().setName("feature").setValue(route));
            for (String s : stories) t.getLabels().add(new Label().setName("story").setValue(s));
            t.getLabels().add(new Label().setName("parentSuite").setValue(where));
            t.getLabels().add(new Label().setName("suite").setValue(job));
            t.getLabels().add(new Label().setName("subSuite").setValue(what));
        });
    }

    /** Labels for a test that knows only its target so far (before sign-in names the company). */
    public static void label(String job, String route, List<String> stories, String target, String host, String what) {
        label(job, route, stories, target + " at " + host, what);
    }

    /** A link per step to what it follows, named "Step N: title". */
    public static void links(List<StepSource> steps) {
        Allure.getLifecycle().updateTestCase(t -> {
            for (int i = 0; i < steps.size(); i++) {
                t.getLinks().add(new Link().setName("Step " + (i + 1) + ": " + steps.get(i).title()).setUrl(steps.get(i).article()).setType("link"));
            }
        });
    }

    /** The outcome as the test's HTML description, so it shows without opening an attachment. */
    public static void description(String html) {
        // a whole-page attachment's doctype, meta and global styles would restyle the report itself
        String safe = io.procoresetup.secrets.Redactor.global().redact(html).replaceAll("(?is)<!doctype[^>]*>|<meta[^>]*>|<style.*?</style>", "");
        Allure.getLifecycle().updateTestCase(t -> t.setDescriptionHtml(safe));
    }

    public static String esc(Object o) {
        String s = String.valueOf(o);
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A small two-column table (label, value) with the report's styles. */
    public static String table(List<String[]> rows) {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;font:14px sans-serif\">");
        for (String[] r : rows) {
            b.append("<tr><th style=\"text-align:left;border:1px solid #ccc;padding:4px 8px\">").append(esc(r[0]))
                    .append("</th><td style=\"border:1px solid #ccc;padding:4px 8px\">").append(r[1]).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }
}
