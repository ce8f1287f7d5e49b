package io.procoresetup.setup;

/** What a step's apply left: the observation it hands to the next step, and one line saying what it did. */
public record Applied<O>(O at, String said) {}
