package io.procoresetup.setup;

/**
 * One step of a route (its number is its place in the route's list). It receives the previous step's observation ({@code I}) and hands its own
 * ({@code O}) to the next; a route's builder checks at compile time that they fit.
 *
 * <p>{@code inspect} only looks (moving between pages is looking); {@code apply} makes the change that
 * inspect found missing. Each step holds its own rules and wordings; setup and plan both read them.
 */
public interface SetupStep<I, O> {
    /** The title a person reads in the guide, word for word. */
    String title();

    /** The Procore support article a person would follow for this step. */
    String article();

    /** Looks without changing anything: what is in place, and what the next step needs. */
    Seen<O> inspect(StepContext c, I in);

    /** Makes the change inspect found missing; only called when inspect said TODO. */
    Applied<O> apply(StepContext c, I in, Seen<O> seen);
}
