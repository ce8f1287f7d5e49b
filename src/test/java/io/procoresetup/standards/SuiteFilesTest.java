package io.procoresetup.standards;

import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/** Every suite file under suites/ is one TestNG can read (as `mvn -Dsuite=...` does), naming classes that exist and hold tests. */
public class SuiteFilesTest {

    private static List<Path> suiteFiles() throws IOException {
        Path dir = Path.of("suites");
        assertTrue(Files.isDirectory(dir), "run from the project folder");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }

    @Test
    public void theFourDocumentedSuitesExist() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path p : suiteFiles()) names.add(p.getFileName().toString());
        assertTrue(names.containsAll(List.of("setup.xml", "plan.xml", "verify.xml", "regression.xml")), "suites/: " + names);
    }

    @Test
    public void everySuiteFileParsesAndNamesExistingTestClasses() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : suiteFiles()) {
            Collection<XmlSuite> suites;
            try {
                suites = new Parser(file.toString()).parse();
            } catch (Exception | Error e) {       // TestNG wraps SAXParseException in a TestNGException
                problems.add(file + ": " + e.getMessage());
                continue;
            }
            List<XmlClass> classes = suites.stream().flatMap(s -> s.getTests().stream()).map(XmlTest::getXmlClasses)
                    .flatMap(List::stream).toList();
            if (classes.isEmpty()) problems.add(file + ": names no class");
            for (XmlClass c : classes) {
                try {
                    Class<?> type = Class.forName(c.getName());
                    boolean hasTests = Arrays.stream(type.getMethods()).map(Method::getAnnotations).flatMap(Arrays::stream)
                            .anyMatch(a -> a.annotationType() == org.testng.annotations.Test.class);
                    if (!hasTests) problems.add(file + ": " + c.getName() + " has no @Test method");
                } catch (ClassNotFoundException e) {
                    problems.add(file + ": no class " + c.getName());
                }
            }
        }
        assertTrue(problems.isEmpty(), "suite files TestNG cannot run: " + problems);
    }

    @Test
    public void theParserRejectsADoubleHyphenInAComment() throws IOException {
        Path bad = Files.createTempFile("suite-", ".xml");
        try {
            Files.writeString(bad, "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
                    + "<!-- run with --threads 2 -->\n<suite name=\"x\"><test name=\"x\"><classes>"
                    + "<class name=\"io.procoresetup.suites.PlanSuite\"/></classes></test></suite>\n");
            try {
                new Parser(bad.toString()).parse();
                fail("a comment with -- parsed, so the check above could not catch it");
            } catch (Exception | Error e) {
                assertTrue(String.valueOf(e.getMessage()).contains("--") || String.valueOf(e.getCause()).contains("--"), String.valueOf(e));
            }
        } finally {
            Files.deleteIfExists(bad);
        }
    }
}
