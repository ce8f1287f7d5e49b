package io.procoresetup.evidence;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;

/**
 * Allure's own hook (a plain TestNG listener loses attachments on TestNG 7.5+): when a test fails
 * outside any step, the screenshot and scrubbed page source still reach the report.
 */
public final class FailureEvidenceListener implements TestLifecycleListener {
    @Override
    public void beforeTestStop(TestResult result) {
        Evidence e = Evidence.current();
        if (e == null || e.failureCaptured()) return;
        if (result.getStatus() == Status.FAILED || result.getStatus() == Status.BROKEN) e.captureFailure();
    }
}
