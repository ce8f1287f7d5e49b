package io.procoresetup.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** Trends build up: each report carries the last one's history, and the report folder holds only the file and its history. */
public class ReportHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run's results, as a run leaves them: the previous run's files are gone, history/ stays (ResultsFiles.clean). */
    private static void oneRun(Path results, String status) throws IOException {
        ResultsFiles.clean(results);
        Files.createDirectories(results);
        long now = System.currentTimeMillis();
        Files.writeString(results.resolve(UUID.randomUUID() + "-result.json"), "{\"uuid\":\"" + UUID.randomUUID() + "\",\"historyId\":\"guided-setup\","
                + "\"name\":\"Guided setup\",\"fullName\":\"io.procoresetup.suites.GuidedSetupSuite.guidedSetup\",\"status\":\"" + status + "\","
                + "\"stage\":\"finished\",\"start\":" + (now - 1000) + ",\"stop\":" + now + "}");
    }

    @Test
    public void afterThreeReportsTheTrendHasThreePointsAndTheFolderOnlyTheReport() throws Exception {
        Path work = Files.createTempDirectory("harness-history-");
        Path results = work.resolve("allure-results");
        Path report = work.resolve("allure-report");
        Files.createDirectories(report);
        Files.writeString(report.resolve("allure-maven.html"), "left by an earlier allure-maven report");
        Files.createDirectories(report.resolve("css"));
        for (String status : List.of("passed", "failed", "passed")) {
            oneRun(results, status);
            AllureReport.generate(AllureReport.projectDir(), results, report);
        }
        JsonNode trend = JSON.readTree(report.resolve("history/history-trend.json").toFile());
        assertEquals(trend.size(), 3, "one point per report: " + trend);
        // newest first: passed, failed, passed
        assertEquals(trend.get(0).path("data").path("passed").asInt(), 1, trend.toString());
        assertEquals(trend.get(1).path("data").path("failed").asInt(), 1, trend.toString());
        Set<String> left = new TreeSet<>();
        try (Stream<Path> files = Files.list(report)) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        assertEquals(left, new TreeSet<>(Set.of("index.html", "history")), "only the single file and its history");
        assertTrue(Files.size(report.resolve("index.html")) > 100_000, "the single file holds the whole report");
    }
}
