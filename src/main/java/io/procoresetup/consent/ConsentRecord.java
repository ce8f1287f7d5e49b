package io.procoresetup.consent;

import java.util.List;

/** consent.json: who consented, when, to what, on which target and company, and how. */
public record ConsentRecord(String who, String when, String target, String host, long companyId, String companyName,
                            String mode, List<String> changes) {}
