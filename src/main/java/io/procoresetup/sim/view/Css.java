package io.procoresetup.sim.view;

import java.util.Locale;

/**
 * Class names the way CSS-in-JS emits them: a hash per name and per build ("css-1x2y3z"), so nothing
 * outside the simulator can lean on them. The classic UI uses plain names and ignores this.
 */
public final class Css {
    private final String salt;

    public Css(String salt) { this.salt = salt; }

    public String of(String name) {
        int h = (salt + ":" + name).hashCode() & 0x7fffffff;
        return "css-" + Integer.toString(h, 36).toLowerCase(Locale.ROOT);
    }

    /** Replaces every {{name}} in a style sheet with its hashed class name. */
    public String sheet(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (true) {
            int a = source.indexOf("{{", i);
            if (a < 0) break;
            int b = source.indexOf("}}", a);
            out.append(source, i, a).append(of(source.substring(a + 2, b)));
            i = b + 2;
        }
        return out.append(source.substring(i)).toString();
    }
}
