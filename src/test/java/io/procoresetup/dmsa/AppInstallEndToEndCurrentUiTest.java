package io.procoresetup.dmsa;

/** The DMSA route's end-to-end tests on the simulator's current UI (built like Procore's current web app). */
public class AppInstallEndToEndCurrentUiTest extends AppInstallEndToEndTest {
    @Override
    protected String ui() { return "current"; }
}
