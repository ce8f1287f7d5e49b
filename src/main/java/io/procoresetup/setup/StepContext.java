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
                          long companyId, String companyName, ConsentOnce consent) {
    public String accountName() { return config.accountName(); }

    /** How the account's user appears in the Directory: "<account name>-<company name>". */
    public String directoryName() { return config.accountName() + "-" + companyName; }
}
