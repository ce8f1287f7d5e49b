package io.procoresetup.evidence;

import io.procoresetup.secrets.Redactor;
import io.qameta.allure.listener.FixtureLifecycleListener;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.util.List;

/**
 * The Allure results' output edge: before a test or fixture result is written, every failure message and trace
 * in it (its own and its steps') passes through the run's redactor, so no exception carries a secret into the
 * report, whoever threw it.
 */
public final class RedactingResultsListener implements TestLifecycleListener, FixtureLifecycleListener {
    @Override
    public void beforeTestWrite(TestResult result) {
        scrub(result.getStatusDetails());
        scrub(result.getSteps());
    }

    @Override
    public void beforeFixtureStop(FixtureResult result) {
        scrub(result.getStatusDetails());
        scrub(result.getSteps());
    }

    private static void scrub(List<StepResult> steps) {
        if (steps == null) return;
        for (StepResult s : steps) {
            scrub(s.getStatusDetails());
            scrub(s.getSteps());
        }
    }

    private static void scrub(StatusDetails d) {
        if (d == null) return;
        Redactor r = Redactor.global();
        if (d.getMessage() != null) d.setMessage(r.redact(d.getMessage()));
        if (d.getTrace() != null) d.setTrace(r.redact(d.getTrace()));
    }
}
