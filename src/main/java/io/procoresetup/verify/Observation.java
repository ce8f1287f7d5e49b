package io.procoresetup.verify;

import java.util.List;

/** What the UI showed, to hold the API's answers against. */
public record Observation(long companyId, String companyName, String clientId, String directoryName, List<String> activeProjects,
                          boolean addToNewProjectsTicked) {}
