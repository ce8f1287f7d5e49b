package io.procoresetup.verify;

/** One row of the verification table: what the UI showed, what the API answered, and the verdict. */
public record Check(int number, String name, String ui, String api, Verdict verdict, String detail) {
    public enum Verdict { PASS, FAIL, SKIPPED }

    public boolean passed() { return verdict != Verdict.FAIL; }
}
