package io.procoresetup.standards;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.testng.annotations.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Packages point one way (failure at the bottom; then secrets, config, api and browser, ui, evidence, consent,
 * setup, verify, suites, cli), with no cycle; the simulator is a separate room reached over HTTP.
 */
public class PackageDirectionTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.procoresetup");

    @Test
    public void noPackageCycle() {
        EvaluationResult r = slices().matching("io.procoresetup.(*)..").should().beFreeOfCycles().evaluate(MAIN);
        assertFalse(r.hasViolation(), r.getFailureReport().toString());
    }

    @Test
    public void failuresImportNothingOfOurs() {
        EvaluationResult r = noClasses().that().resideInAPackage("io.procoresetup.failure..").should().dependOnClassesThat()
                .resideOutsideOfPackages("io.procoresetup.failure..", "java..").evaluate(MAIN);
        assertFalse(r.hasViolation(), r.getFailureReport().toString());
    }

    @Test
    public void lowerPackagesNeverReachUp() {
        String[][] below = {
                {"io.procoresetup.secrets..", "io.procoresetup.config..", "io.procoresetup.api..", "io.procoresetup.browser..",
                        "io.procoresetup.ui..", "io.procoresetup.evidence..", "io.procoresetup.setup..", "io.procoresetup.suites..", "io.procoresetup.cli.."},
                {"io.procoresetup.ui..", "io.procoresetup.evidence..", "io.procoresetup.setup..", "io.procoresetup.verify..",
                        "io.procoresetup.suites..", "io.procoresetup.cli.."},
        };
        EvaluationResult secrets = noClasses().that().resideInAPackage("io.procoresetup.secrets..").should().dependOnClassesThat()
                .resideInAnyPackage(java.util.Arrays.copyOfRange(below[0], 1, below[0].length)).evaluate(MAIN);
        assertFalse(secrets.hasViolation(), secrets.getFailureReport().toString());
        EvaluationResult apiBrowser = noClasses().that().resideInAnyPackage("io.procoresetup.api..", "io.procoresetup.browser..", "io.procoresetup.config..")
                .should().dependOnClassesThat().resideInAnyPackage(below[1]).evaluate(MAIN);
        assertFalse(apiBrowser.hasViolation(), apiBrowser.getFailureReport().toString());
        EvaluationResult evidence = noClasses().that().resideInAPackage("io.procoresetup.evidence..").should().dependOnClassesThat()
                .resideInAnyPackage("io.procoresetup.ui..", "io.procoresetup.setup..", "io.procoresetup.verify..", "io.procoresetup.suites..",
                        "io.procoresetup.cli..").evaluate(MAIN);
        assertFalse(evidence.hasViolation(), evidence.getFailureReport().toString());
    }

    @Test
    public void theSimulatorIsASeparateRoom() {
        EvaluationResult out = noClasses().that().resideInAPackage("io.procoresetup.sim..").should().dependOnClassesThat()
                .resideInAnyPackage("io.procoresetup.failure..", "io.procoresetup.secrets..", "io.procoresetup.config..", "io.procoresetup.api..",
                        "io.procoresetup.browser..", "io.procoresetup.ui..", "io.procoresetup.evidence..", "io.procoresetup.consent..",
                        "io.procoresetup.setup..", "io.procoresetup.verify..", "io.procoresetup.suites..", "io.procoresetup.cli..").evaluate(MAIN);
        assertFalse(out.hasViolation(), out.getFailureReport().toString());
        EvaluationResult in = noClasses().that().resideOutsideOfPackages("io.procoresetup.sim..", "io.procoresetup.suites..", "io.procoresetup.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.procoresetup.sim..").evaluate(MAIN);
        assertFalse(in.hasViolation(), "only the suites and the CLI start the simulator: " + in.getFailureReport());
    }

    @Test
    public void theProductsClassesWereRead() {
        assertTrue(MAIN.size() > 80, "the product's classes were read: " + MAIN.size());
    }
}
