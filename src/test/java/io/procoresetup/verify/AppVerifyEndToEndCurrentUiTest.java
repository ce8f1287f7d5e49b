package io.procoresetup.verify;

/** {@link AppVerifyEndToEndTest} against the simulator's current UI (portals, hashed classes, fetch-loaded lists). */
public class AppVerifyEndToEndCurrentUiTest extends AppVerifyEndToEndTest {
    @Override
    protected String ui() { return "current"; }
}
