package io.procoresetup.setup;

import io.procoresetup.evidence.Failures;

import java.util.ArrayList;
import java.util.List;

/**
 * A route: a list of steps, each handing its typed observation to the next. {@link #then} only accepts a
 * step that takes what the last one hands on, so a route that compiles cannot reorder or skip what a step
 * needs. Setup and plan are two walks over the same list: setup inspects each step and applies those to
 * do; plan inspects them all and changes nothing.
 *
 * @param <I> what the first step starts from (the company's home page, signed in)
 * @param <O> what the last step hands on
 */
public final class Route<I, O> {
    private final String name;
    private final List<SetupStep<?, ?>> steps;

    private Route(String name, List<SetupStep<?, ?>> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    public static <I, O> Route<I, O> of(String name, SetupStep<I, O> first) { return new Route<>(name, List.of(first)); }

    /** This route with one more step, which takes what the last step hands on. */
    public <N> Route<I, N> then(SetupStep<O, N> next) {
        List<SetupStep<?, ?>> more = new ArrayList<>(steps);
        more.add(next);
        return new Route<>(name, more);
    }

    /** The route's name as the report shows it. */
    public String name() { return name; }

    public List<SetupStep<?, ?>> steps() { return steps; }

    public List<String> titles() { return steps.stream().map(SetupStep::title).toList(); }

    /** What a setup walk ended with: the last observation, and each step's state ("applied" or "done"). */
    public record Walked<O>(O last, List<String> states, boolean alreadyComplete) {}

    /**
     * Setup: each step in order, inspected, then applied when inspect found it to do, as one report step
     * each (with its screenshot). Every observation is added to {@code trail} as it comes, so a caller can
     * tell how far a failed run got.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Walked<O> setup(StepContext c, I start, List<Object> trail) {
        Object in = start;
        List<String> states = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < steps.size(); i++) {
            SetupStep step = steps.get(i);
            Object input = in;
            Object[] out = {null};
            StepState[] found = {null};
            c.evidence().step(i + 1, steps.size(), step.title(), "applied", () -> Failures.categorized(() -> {
                Seen seen = step.inspect(c, input);
                found[0] = seen.state();
                if (seen.state() != StepState.TODO) {
                    out[0] = seen.at();
                    return seen.said();
                }
                Applied applied = step.apply(c, input, seen);
                out[0] = applied.at();
                return applied.said();
            }));
            String state = found[0] == StepState.DONE ? "done" : "applied";
            c.evidence().restate(state);
            states.add(state);
            if (found[0] == StepState.TODO) complete = false;
            trail.add(out[0]);
            in = out[0];
        }
        return new Walked<>((O) in, states, complete);
    }

    /**
     * Plan: inspects every step and applies none. A step that only moves between pages is to do exactly
     * when the step it leads to is. The page is pictured each time a step moved to a new one.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<PlannedStep> plan(StepContext c, I start) {
        List<Seen<?>> seen = new ArrayList<>();
        Object in = start;
        String pictured = c.browser().url();
        for (SetupStep step : steps) {
            Seen s = step.inspect(c, in);
            seen.add(s);
            in = s.at();
            if (!c.browser().url().equals(pictured)) {
                pictured = c.browser().url();
                c.evidence().screenshot(step.title());
            }
        }
        List<PlannedStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(new PlannedStep(i + 1, steps.get(i).title(), todo(seen, i), seen.get(i).said()));
        }
        return out;
    }

    private static boolean todo(List<Seen<?>> seen, int i) {
        for (int j = i; j < seen.size(); j++) {
            if (seen.get(j).state() != StepState.MOVED) return seen.get(j).state() == StepState.TODO;
        }
        return false;
    }
}
