package io.procoresetup.evidence;

import io.procoresetup.secrets.Redactor;

import java.io.PrintStream;
import java.util.Locale;

/** The console voice of a run: what step it is on, what it did, how Add All is going. Every line is redacted. */
public final class Narrator {
    private final PrintStream out;

    public Narrator(PrintStream out) { this.out = out; }

    public static Narrator console() { return new Narrator(System.out); }

    public void say(String line) {
        out.println(Redactor.global().redact(line));
        out.flush();
    }

    public void stepStarted(int n, int of, String title) { say("[" + n + "/" + of + "] " + title); }

    public void stepFinished(int n, int of, String outcome, long millis) {
        say("      " + outcome + String.format(Locale.ROOT, " (%.1f s)", millis / 1000.0));
    }

    public void progress(String what, int percent) { say("      " + what + " " + percent + "%"); }
}
