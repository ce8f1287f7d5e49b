package io.procoresetup.reliability;

/** {@link PlanTest} against the simulator's current UI (portals, hashed classes, fetch-loaded lists). */
public class PlanCurrentUiTest extends PlanTest {
    @Override
    protected String ui() { return "current"; }
}
