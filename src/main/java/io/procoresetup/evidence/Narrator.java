package io.procoresetup.evidence;

import io.procoresetup.secrets.Redactor;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The console voice of a run: what step it is on, what it did, how Add All is going. Every line is redacted.
 * On a terminal, progress is one line redrawn in place (bar, percentage, projects, time left); in logs and
 * pipes it stays plain lines that grep and CI read.
 */
public final class Narrator {
    private final PrintStream out;
    private final boolean live;
    private boolean lineOpen;
    private long progressStart;
    private int lastPlain = -1;

    public Narrator(PrintStream out) { this(out, false); }

    /** {@code live}: the output is a terminal, so progress may redraw one line. */
    public Narrator(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** The console: live progress when standard output is a terminal that understands a carriage return. */
    public static Narrator console() {
        String term = System.getenv("TERM");
        return new Narrator(System.out, System.console() != null && term != null && !term.equals("dumb"));
    }

    public synchronized void say(String line) {
        closeLine();
        out.println(Redactor.global().redact(line));
        out.flush();
    }

    public void stepStarted(int n, int of, String title) { say("[" + n + "/" + of + "] " + title); }

    public void stepFinished(int n, int of, String outcome, long millis) {
        say("      " + outcome + String.format(Locale.ROOT, " (%.1f s)", millis / 1000.0));
    }

    public void progress(String what, int percent) { progress(what, percent, -1, -1); }

    /**
     * Progress of a long job. {@code done} and {@code total} are projects (or -1 when unknown). Plain output
     * prints a line per call; a terminal gets one line redrawn in place, closed by the next line said.
     */
    public synchronized void progress(String what, int percent, int done, int total) {
        if (!live) {
            boolean first = lastPlain < 0 || percent < lastPlain;
            if (!first && percent / 10 == lastPlain / 10 && percent != 100) return;     // logs get a line per ten percent
            lastPlain = percent >= 100 ? -1 : percent;
            out.println("      " + what + " " + percent + "%" + (total > 0 ? " (" + done + " of " + total + " projects)" : ""));
            out.flush();
            return;
        }
        long now = System.nanoTime();
        if (!lineOpen) progressStart = now;
        int filled = Math.max(0, Math.min(20, percent / 5));
        String bar = "#".repeat(filled) + "-".repeat(20 - filled);
        String left = "";
        if (percent > 0 && percent < 100) {
            double secs = (now - progressStart) / 1e9 * (100 - percent) / percent;
            left = String.format(Locale.ROOT, ", about %.0f s left", Math.ceil(secs));
        }
        String line = String.format(Locale.ROOT, "      %s [%s] %3d%%%s%s", what, bar, percent,
                total > 0 ? "  " + done + " of " + total + " projects" : "", left);
        out.print("\r" + line + "\u001b[K");                  // redraw in place, clear what the last line left
        out.flush();
        lineOpen = true;
        if (percent >= 100) closeLine();
    }

    private void closeLine() {
        if (!lineOpen) return;
        out.println();
        lineOpen = false;
    }
}
