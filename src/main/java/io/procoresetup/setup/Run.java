package io.procoresetup.setup;

import io.procoresetup.config.RunConfig;
import io.procoresetup.evidence.Evidence;
import io.procoresetup.evidence.Narrator;
import io.procoresetup.secrets.Credentials;
import io.procoresetup.secrets.CredentialsFile;
import io.procoresetup.ui.AdminSettingsPage;
import io.procoresetup.ui.Browser;
import io.procoresetup.ui.EditUserPage;
import io.procoresetup.ui.HomePage;
import io.procoresetup.ui.ServiceAccountPage;
import io.procoresetup.ui.ServiceAccountsPage;

/** One guided run: its settings, browser, evidence, where the credentials go, and where the UI is now. */
public final class Run {
    final RunConfig config;
    final Browser browser;
    final Evidence evidence;
    final Narrator narrator;
    final CredentialsFile sink;
    final long companyId;
    final String companyName;

    HomePage home;
    AdminSettingsPage adminSettings;
    ServiceAccountsPage accounts;
    ServiceAccountPage created;
    ServiceAccountPage viewed;
    EditUserPage editUser;
    Credentials saved;
    java.nio.file.Path savedTo;
    String clientId;
    boolean resetNeeded;

    Run(RunConfig config, Browser browser, Evidence evidence, Narrator narrator, CredentialsFile sink,
        long companyId, String companyName, HomePage home) {
        this.config = config;
        this.browser = browser;
        this.evidence = evidence;
        this.narrator = narrator;
        this.sink = sink;
        this.companyId = companyId;
        this.companyName = companyName;
        this.home = home;
    }

    public String accountName() { return config.accountName(); }

    /** How the account's user appears in the Directory: "<account name>-<company name>". */
    public String directoryName() { return config.accountName() + "-" + companyName; }
}
