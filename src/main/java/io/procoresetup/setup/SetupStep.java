package io.procoresetup.setup;

/** One of the guide's six steps: it can look at the current state without changing it, and apply itself. */
public interface SetupStep {
    /** The guide's number for this step. */
    int number();

    /** The guide's title, word for word. */
    String title();

    /** Looks without changing anything: is this step's outcome already in place? */
    StepState inspect(Run run);

    /** Makes the change; returns one line saying what was done. */
    String apply(Run run);

    /** One line saying what was found when the work was already done. */
    default String alreadyDone(Run run) { return "already done"; }
}
