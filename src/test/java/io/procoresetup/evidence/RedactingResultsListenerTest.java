package io.procoresetup.evidence;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;
import io.procoresetup.secrets.Secret;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import org.testng.annotations.Test;

import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** A failure message carrying a secret is scrubbed where it leaves for the Allure results, in every nested step. */
public class RedactingResultsListenerTest {
    @Test
    public void failureMessagesAndTracesAreRedactedBeforeTheyAreWritten() {
        String secret = Secret.of("leaky-secret-value-0123456789").reveal();
        HarnessFailure f = new HarnessFailure(Category.NETWORK, "the page said " + secret);
        assertTrue(f.getMessage().contains(secret), "the exception itself is not redacted: the edges are");
        StatusDetails inner = new StatusDetails().setMessage(f.getMessage()).setTrace("at x " + secret);
        TestResult t = new TestResult().setStatusDetails(new StatusDetails().setMessage(f.getMessage()))
                .setSteps(List.of(new StepResult().setSteps(List.of(new StepResult().setStatusDetails(inner)))));
        new RedactingResultsListener().beforeTestWrite(t);
        assertFalse(t.getStatusDetails().getMessage().contains(secret));
        assertFalse(inner.getMessage().contains(secret) || inner.getTrace().contains(secret), "nested steps too");
        assertEquals(t.getStatusDetails().getMessage(), "Network or timeout: the page said [REDACTED]");

        FixtureResult fixture = new FixtureResult().setStatusDetails(new StatusDetails().setMessage("setup failed: " + secret));
        new RedactingResultsListener().beforeFixtureStop(fixture);
        assertFalse(fixture.getStatusDetails().getMessage().contains(secret), "fixtures (BeforeClass) too");
    }
}
