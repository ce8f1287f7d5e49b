package io.procoresetup.failure;

/**
 * A failure the harness understands: its category, what happened, and (in {@link Category#next}) what to do.
 * Its message is redacted where it leaves the process (console, Allure results), not here: this package
 * imports nothing of the harness.
 */
public class HarnessFailure extends RuntimeException {
    private final Category category;

    public HarnessFailure(Category category, String message) {
        this(category, message, null);
    }

    public HarnessFailure(Category category, String message, Throwable cause) {
        super(category.label + ": " + message, cause);
        this.category = category;
    }

    public Category category() { return category; }

    /** The part after "Category: ". */
    public String detail() { return getMessage().substring(category.label.length() + 2); }
}
