package io.procoresetup.failure;

/**
 * Every failure is one of these: the console names it with what to do next, the exit code tells
 * scripts, and Allure's categories.json groups the report by it.
 */
public enum Category {
    UI_CHANGED("Procore UI changed", 7, "Procore's page no longer matches what the harness knows; run the regression suite and update the page object."),
    PERMISSION_DENIED("Permission denied", 6, "sign in as a company admin (Admin level on the company Admin tool)."),
    PROCORE_REFUSED("Procore refused", 5, "read Procore's message above; nothing more was changed."),
    NETWORK("Network or timeout", 8, "check that the target is reachable, then run setup again: it resumes where it stopped."),
    RATE_LIMITED("Rate limited", 9, "wait for Procore's rate-limit window to reset, then run again."),
    VERIFICATION_MISMATCH("Verification mismatch", 10, "the UI and the API disagree: the verification table above names each failed check."),
    TOOL_MISSING("Tool missing", 3, "install what is named above (sudo apt-get install -y chromium chromium-driver), or give its right path."),
    BAD_INPUT("Bad input", 2, "fix the command line or file named above (see --help)."),
    CONSENT_REFUSED("Consent refused", 4, "nothing was changed; give consent for this company to proceed.");

    public final String label;
    public final int exitCode;
    public final String next;

    Category(String label, int exitCode, String next) {
        this.label = label;
        this.exitCode = exitCode;
        this.next = next;
    }
}
