package io.procoresetup.verify;

import io.procoresetup.failure.Category;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;

/**
 * Allure calls every exception but an AssertionError "broken". A verification mismatch is the one failure
 * that says the account is wrong, so its test is "failed"; a check that could not be made stays "broken".
 */
public final class VerdictStatus implements TestLifecycleListener {
    private static final String MISMATCH = Category.VERIFICATION_MISMATCH.label + ":";

    @Override
    public void beforeTestStop(TestResult result) {
        if (result.getStatus() == Status.BROKEN && result.getStatusDetails() != null && result.getStatusDetails().getMessage() != null
                && result.getStatusDetails().getMessage().startsWith(MISMATCH)) {
            result.setStatus(Status.FAILED);
        }
    }
}
