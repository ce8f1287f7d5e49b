package io.procoresetup.sim;

import io.procoresetup.sim.Model.Company;
import io.procoresetup.sim.Model.User;

/** Server-rendered page shell: Procore's header (company, Company Tools, initials menu) around a body. */
final class Html {
    private Html() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String bare(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " | Procore</title><link rel=\"stylesheet\" href=\"/assets/sim.css\"></head><body>"
                + body + "<script src=\"/assets/sim.js\"></script></body></html>";
    }

    /** A page inside a company: the header every Procore page has, then the main content. */
    static String page(Labels l, Company c, User u, String title, String main) {
        String base = "/" + c.id + "/company";
        StringBuilder tools = new StringBuilder();
        if (u.companyAdmin) tools.append(menuItem(base + "/admin", l.get("admin")));
        tools.append(menuItem(base + "/directory", l.get("directory")));
        tools.append(menuItem(base + "/documents", "Documents"));
        tools.append(menuItem(base + "/portfolio", "Portfolio"));
        tools.append(menuItem(base + "/reports", "Reports"));
        StringBuilder account = new StringBuilder();
        if (u.companyAdmin) account.append(menuItem(base + "/admin", l.get("adminSettings")));
        else account.append(menuItem(base + "/profile", "My Profile Settings"));
        account.append(menuItem("/logout", l.get("logOut")));
        String header = "<header class=\"top\"><a class=\"brand\" href=\"" + base + "/home/list\">Procore</a>"
                + "<span class=\"company\">" + esc(c.name) + "</span>"
                + "<nav class=\"tools\" aria-label=\"Company Tools\"><button type=\"button\" aria-haspopup=\"true\" aria-expanded=\"false\">"
                + esc(l.get("companyTools")) + " &#9662;</button><ul role=\"menu\" hidden>" + tools + "</ul></nav>"
                + "<div class=\"spacer\"></div>"
                + "<div class=\"account\"><button type=\"button\" aria-haspopup=\"true\" aria-expanded=\"false\" title=\""
                + esc(u.name()) + "\">" + esc(u.initials()) + "</button><ul role=\"menu\" hidden>" + account + "</ul></div>"
                + "</header>";
        return bare(title, header + "<main>" + main + "</main>");
    }

    static String menuItem(String href, String text) {
        return "<li role=\"none\"><a role=\"menuitem\" href=\"" + esc(href) + "\">" + esc(text) + "</a></li>";
    }

    static String titleBar(String heading, String actions) {
        return "<div class=\"title-bar\"><h1>" + esc(heading) + "</h1><div class=\"actions\">" + actions + "</div></div>";
    }

    static String alert(String cls, String text) {
        return "<div role=\"alert\" class=\"flash " + cls + "\">" + esc(text) + "</div>";
    }

    static String error(String title, String message) {
        return bare(title, "<main class=\"error-page\"><h1>" + esc(title) + "</h1><p>" + esc(message) + "</p></main>");
    }
}
