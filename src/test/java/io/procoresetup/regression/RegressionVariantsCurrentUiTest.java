package io.procoresetup.regression;

/** The regression variants against the simulator's current UI (portals, hashed classes, fetch-loaded lists). */
public class RegressionVariantsCurrentUiTest extends RegressionVariantsTest {
    @Override
    protected String ui() { return "current"; }
}
