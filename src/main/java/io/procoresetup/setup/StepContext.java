package io.procoresetup.setup;

import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.ui.Browser;

/**
 * What every step of one run may use and nobody changes: the settings, the browser, the evidence, the
 * narrator, where credentials go, the company signed in to, and its consent. What changes from step to step travels
 * in the steps' observations instead.
 */
public record StepContext(RunConfig config, Browser browser, Evidence evidence, Narrator narrator, CredentialsFile sink,
                          long companyId, String companyName, ConsentOnce consent, Meanwhile meanwhile) {
    public StepContext(RunConfig config, Browser browser, Evidence evidence, Narrator narrator, CredentialsFile sink, long companyId,
                       String companyName, ConsentOnce consent) {
        this(config, browser, evidence, narrator, sink, companyId, companyName, consent, Meanwhile.NONE);
    }

    /**
     * Work a run may do while Procore works on its own (Add All's job, which runs on Procore's side): browser work in a
     * tab of its own, so the step's page is left as it was, and questions to the API with the credentials step 4 saved
     * (empty when it saved none). Done at most once a run; it must not throw.
     */
    @FunctionalInterface
    public interface Meanwhile {
        Meanwhile NONE = (c, saved) -> { };

        void whileAddAllRuns(StepContext c, java.util.Optional<io.procoresetup.secrets.Credentials> saved);

        /** This, then {@code more} (work that needs no browser). */
        default Meanwhile andThen(Runnable more) {
            return (c, saved) -> {
                whileAddAllRuns(c, saved);
                more.run();
            };
        }
    }

    public String accountName() { return config.accountName(); }

    /** How the account's user appears in the Directory: "<account name>-<company name>". */
    public String directoryName() { return config.accountName() + "-" + companyName; }
}
