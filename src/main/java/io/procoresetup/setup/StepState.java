package io.procoresetup.setup;

/** What inspect found: the step's outcome is in place, or it still has to be done. */
public enum StepState { DONE, TODO }
