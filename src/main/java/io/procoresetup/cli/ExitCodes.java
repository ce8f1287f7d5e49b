package io.procoresetup.cli;

/** Exit codes of the harness, documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A run failed for a reason other than the ones below. */
    public static final int FAILED = 1;
    /** Bad input: unknown option, malformed value, missing file. */
    public static final int BAD_INPUT = 2;
    /** Something the harness needs (browser, driver, Java, Maven) is missing. */
    public static final int MISSING_TOOL = 3;

    private ExitCodes() {}
}
