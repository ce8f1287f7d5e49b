package io.procoresetup.setup;

/**
 * What a step's inspect found: its outcome is in place, it still has to be done, or (a step that only moves
 * between pages) the UI is now where the next step needs it.
 */
public enum StepState { DONE, TODO, MOVED }
