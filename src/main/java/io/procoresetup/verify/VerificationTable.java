package io.procoresetup.verify;

import io.procoresetup.evidence.ResultsFiles;

import java.util.List;

/** The verification table as console text, HTML and JSON. */
public final class VerificationTable {
    private VerificationTable() {}

    public static String text(List<Check> checks) {
        StringBuilder b = new StringBuilder(String.format("%-3s %-38s %-15s %s%n", "#", "check", "result", "UI showed | API answered"));
        for (Check c : checks) {
            b.append(String.format("%-3d %-38s %-15s %s | %s%n", c.number(), c.name(), c.verdict().label, c.ui(), c.api()));
            if (!c.detail().isBlank()) b.append("    ").append(c.detail()).append('\n');
        }
        return b.toString();
    }

    public static String html(List<Check> checks) {
        StringBuilder b = new StringBuilder("<!doctype html><meta charset=\"utf-8\"><style>table{border-collapse:collapse;font:14px sans-serif}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.PASS{color:#2f9e44}.FAIL{color:#c92a2a;font-weight:bold}"
                + ".COULD_NOT_CHECK{color:#e67700;font-weight:bold}</style><table><tr><th>#</th><th>Check</th><th>UI showed</th><th>API answered</th><th>Verdict</th>"
                + "<th>Detail</th></tr>");
        for (Check c : checks) {
            b.append("<tr><td>").append(c.number()).append("</td><td>").append(esc(c.name())).append("</td><td>").append(esc(c.ui()))
                    .append("</td><td>").append(esc(c.api())).append("</td><td class=\"").append(c.verdict()).append("\">").append(c.verdict().label)
                    .append("</td><td>").append(esc(c.detail())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    /** The checks as JSON: verdict PASS, FAIL or COULD_NOT_CHECK, with the reason in detail. */
    public static String json(List<Check> checks) { return ResultsFiles.json(checks); }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
