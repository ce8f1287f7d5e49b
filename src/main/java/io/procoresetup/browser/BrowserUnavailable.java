package io.procoresetup.browser;

/**
 * No browser can start as asked, and the harness knows why before trying: a named binary that is not
 * there, or a visible window with no display to show it on. The message is one line naming the cause.
 */
public final class BrowserUnavailable extends RuntimeException {
    /** A missing binary is a missing tool (exit 3); a headed browser without a display is a command line to change (exit 2). */
    public enum Kind { MISSING_TOOL, NO_DISPLAY }

    private final Kind kind;

    public BrowserUnavailable(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
