package io.procoresetup.ui;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

/** Procore said no: a validation error, or a feature it no longer offers. Carries Procore's own words. */
public final class ProcoreRefused extends HarnessFailure {
    public ProcoreRefused(String message) { super(Category.PROCORE_REFUSED, message); }
}
