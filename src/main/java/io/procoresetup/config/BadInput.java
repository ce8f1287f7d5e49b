package io.procoresetup.config;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

/** Input the harness cannot work with: one line says which and why. */
public final class BadInput extends HarnessFailure {
    public BadInput(String message) { super(Category.BAD_INPUT, message); }
}
