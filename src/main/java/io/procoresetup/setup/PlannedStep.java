package io.procoresetup.setup;

/** One line of a plan: a step, whether setup would change anything there, and what, in the step's own words. */
public record PlannedStep(int number, String title, boolean todo, String what) {}
