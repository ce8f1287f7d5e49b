package io.procoresetup.evidence;

import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarFile;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

/**
 * The report's renderer: one JVM on the Allure commandline's jars and a jar of its own, with a class-data archive
 * that the first report makes and the next ones use, and that is made again when what it was made from changed.
 */
public class AllureRendererTest {
    private static List<String> flags(AllureReport.Renderer r) {
        return r.java().stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:ArchiveClassesAtExit=")).toList();
    }

    @Test
    public void theFirstReportMakesTheArchiveTheNextOneUsesAndAChangedKeyMakesItAgain() throws Exception {
        Path project = AllureReport.projectDir();
        Path home = AllureReport.commandline(project).getParent().getParent();
        Path work = Files.createTempDirectory("harness-renderer-");
        Path results = work.resolve("allure-results");
        Files.createDirectories(results);
        long now = System.currentTimeMillis();
        Files.writeString(results.resolve(UUID.randomUUID() + "-result.json"), "{\"uuid\":\"" + UUID.randomUUID() + "\",\"historyId\":\"h\","
                + "\"name\":\"Guided setup\",\"status\":\"passed\",\"stage\":\"finished\",\"start\":" + (now - 1000) + ",\"stop\":" + now + "}");
        Path archive = project.resolve(".allure/allure-" + AllureReport.VERSION + ".jsa");
        Path key = project.resolve(".allure/allure-" + AllureReport.VERSION + ".jsa.key");
        Files.deleteIfExists(key);                                    // as after a Java update: the archive is not trusted

        AllureReport.Renderer first = AllureReport.renderer(project, home);
        assertNotNull(first.archive(), "no trusted archive: this report's JVM makes one");
        assertTrue(flags(first).get(0).startsWith("-XX:ArchiveClassesAtExit="), first.java().toString());
        Path index = AllureReport.generate(project, results, work.resolve("report"));
        assertTrue(Files.size(index) > 100_000, "the single-file report: " + Files.size(index) + " bytes");
        assertTrue(Files.exists(work.resolve("report/history/history-trend.json")), "history from the full rendering");

        assertTrue(Files.exists(archive) && Files.exists(key), "the archive and its key are in place after the report");
        AllureReport.Renderer next = AllureReport.renderer(project, home);
        assertEquals(next.archive(), null, "the next report makes none");
        assertEquals(flags(next), List.of("-XX:SharedArchiveFile=" + archive));
        String cp = next.java().get(next.java().indexOf("-cp") + 1);
        assertFalse(cp.contains("target/classes") || cp.contains("harness.jar"), "jars only, none of the harness's own: " + cp);

        Files.writeString(key, "made by another java\n");
        assertTrue(flags(AllureReport.renderer(project, home)).get(0).startsWith("-XX:ArchiveClassesAtExit="), "a changed key is not trusted");
        AllureReport.generate(project, results, work.resolve("report"));        // puts a trusted archive back for the other tests
        assertEquals(flags(AllureReport.renderer(project, home)), List.of("-XX:SharedArchiveFile=" + archive));
    }

    @Test
    public void theRenderersJarHoldsOnlyItsClassAndIsNotRewrittenWhenUnchanged() throws Exception {
        Path dir = Files.createTempDirectory("harness-renderer-jar-");
        Path jar = AllureReport.rendererJar(dir);
        long made = Files.getLastModifiedTime(jar).toMillis();
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals(j.stream().map(e -> e.getName()).toList(), List.of("io/procoresetup/evidence/AllureRenderer.class"));
        }
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(made - 60_000));
        AllureReport.rendererJar(dir);
        assertEquals(Files.getLastModifiedTime(jar).toMillis(), made - 60_000, "same class: the jar (and the archive made with it) stays");
        Files.write(jar, new byte[] {1, 2, 3});
        AllureReport.rendererJar(dir);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertNotNull(j.getJarEntry("io/procoresetup/evidence/AllureRenderer.class"), "a broken jar is written again");
        }
    }
}
