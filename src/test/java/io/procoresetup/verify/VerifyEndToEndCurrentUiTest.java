package io.procoresetup.verify;

/** {@link VerifyEndToEndTest} against the simulator's current UI (portals, hashed classes, fetch-loaded lists). */
public class VerifyEndToEndCurrentUiTest extends VerifyEndToEndTest {
    @Override
    protected String ui() { return "current"; }
}
