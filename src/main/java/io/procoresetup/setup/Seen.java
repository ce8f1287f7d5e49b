package io.procoresetup.setup;

/**
 * What a step's inspect saw, without changing anything: its state, the typed observation it hands to the
 * next step (the page it ended on and what it read there), and one line in the step's own words: what is
 * already in place, what setup would do, or where it moved. Plan prints this line; setup prints it for a
 * step already done; so the two never word a step differently.
 */
public record Seen<O>(StepState state, O at, String said) {
    public static <O> Seen<O> done(O at, String said) { return new Seen<>(StepState.DONE, at, said); }

    public static <O> Seen<O> todo(O at, String said) { return new Seen<>(StepState.TODO, at, said); }

    public static <O> Seen<O> moved(O at, String said) { return new Seen<>(StepState.MOVED, at, said); }
}
