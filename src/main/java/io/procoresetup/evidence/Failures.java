package io.procoresetup.evidence;

import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.failure.Category;
import io.procoresetup.browser.BrowserUnavailable;
import io.procoresetup.secrets.Redactor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;

/** Turns whatever a run throws into one of the failure categories, with a redacted one-line message. */
public final class Failures {
    private Failures() {}

    public static HarnessFailure map(Throwable t) {
        if (t instanceof HarnessFailure f) return f;
        if (t instanceof BrowserUnavailable b) {
            return new HarnessFailure(b.kind() == BrowserUnavailable.Kind.MISSING_TOOL ? Category.TOOL_MISSING : Category.BAD_INPUT, b.getMessage());
        }
        if (t instanceof TimeoutException e) {
            return new HarnessFailure(Category.NETWORK, "timed out: " + firstLine(e.getMessage()));
        }
        if (t instanceof WebDriverException e) {
            return new HarnessFailure(Category.NETWORK, "the browser stopped responding (" + firstLine(e.getMessage())
                    + "); run again: setup resumes where it stopped");
        }
        return null;
    }

    /** Runs the body; browser and timeout errors come out as categorized failures without their raw causes. */
    public static <T> T categorized(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            HarnessFailure f = map(e);
            throw f != null ? f : e;
        }
    }

    static String firstLine(String s) {
        if (s == null) return "no message";
        String line = s.lines().findFirst().orElse("").strip();
        return Redactor.global().redact(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
