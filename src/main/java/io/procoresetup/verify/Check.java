package io.procoresetup.verify;

import io.procoresetup.failure.Category;

/**
 * One row of the verification table: what the UI showed, what the API answered, the verdict and its reason.
 * {@code category} says what a verdict other than PASS means for the exit code: VERIFICATION_MISMATCH for FAIL,
 * NETWORK or RATE_LIMITED for COULD_NOT_CHECK; null for PASS.
 */
public record Check(int number, String name, String ui, String api, Verdict verdict, String detail, Category category) {
    public enum Verdict {
        /** The answer shows the account is right. */
        PASS("PASS"),
        /** The answer shows the account is wrong. */
        FAIL("FAIL"),
        /** No usable answer: the account may be right or wrong. */
        COULD_NOT_CHECK("COULD NOT CHECK");

        public final String label;

        Verdict(String label) { this.label = label; }
    }

    public static Check pass(int number, String name, String ui, String api) {
        return new Check(number, name, ui, api, Verdict.PASS, "", null);
    }

    public static Check fail(int number, String name, String ui, String api, String detail) {
        return new Check(number, name, ui, api, Verdict.FAIL, detail, Category.VERIFICATION_MISMATCH);
    }

    public static Check couldNotCheck(int number, String name, String ui, String api, String reason, Category category) {
        return new Check(number, name, ui, api, Verdict.COULD_NOT_CHECK, reason, category);
    }

    public boolean passed() { return verdict == Verdict.PASS; }
}
