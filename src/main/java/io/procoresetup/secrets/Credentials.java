package io.procoresetup.secrets;

import java.time.Instant;

/** What step 4 saves: the account's client ID and secret, its company, and where they came from. */
public record Credentials(String clientId, Secret clientSecret, long companyId, String accountName, String target,
                          String appUrl, Instant savedAt) {
    @Override
    public String toString() {
        return "Credentials[clientId=" + clientId + ", clientSecret=" + clientSecret + ", companyId=" + companyId
                + ", account=" + accountName + ", target=" + target + "]";
    }
}
