package io.procoresetup.setup;

/** {@link GuidedSetupEndToEndTest} against the simulator's current UI (portals, hashed classes, fetch-loaded lists). */
public class GuidedSetupEndToEndCurrentUiTest extends GuidedSetupEndToEndTest {
    @Override
    protected String ui() { return "current"; }
}
