package io.procoresetup.evidence;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Turns allure-results into one HTML file that opens from disk. Uses the Allure commandline that
 * allure-maven installed under .allure/ when it is there, otherwise runs allure-maven (which installs it
 * from Maven Central first). History is carried from the previous report so trends show.
 */
public final class AllureReport {
    public static final String VERSION = "2.34.0";

    private AllureReport() {}

    public static Path generate(Path projectDir, Path results, Path reportDir) throws IOException, InterruptedException {
        carryHistory(reportDir, results);
        Path allure = projectDir.resolve(".allure/allure-" + VERSION + "/bin/allure");
        if (!Files.isExecutable(allure)) {
            // allure-maven installs the commandline from Maven Central (and writes its own executor.json: keep ours)
            Path executor = results.resolve("executor.json");
            byte[] ours = Files.exists(executor) ? Files.readAllBytes(executor) : null;
            run(projectDir, List.of("mvn", "-B", "-q", "io.qameta.allure:allure-maven:2.17.0:report",
                    "-Dallure.results.directory=" + results.toAbsolutePath(), "-Dharness.reportDir=" + reportDir.toAbsolutePath()), reportDir);
            if (ours != null) Files.write(executor, ours);
            if (!Files.isExecutable(allure)) return reportDir.resolve("index.html");
        }
        List<String> cmd = new ArrayList<>(List.of(allure.toString(), "generate", "--single-file", "--clean", "-o", reportDir.toString()));
        String name = reportName(results);
        if (name != null) cmd.addAll(List.of("--name", name));
        cmd.add(results.toString());
        return run(projectDir, cmd, reportDir);
    }

    /** The report's title the run wrote into executor.json (reportName), if any. */
    static String reportName(Path results) {
        try {
            Path executor = results.resolve("executor.json");
            if (!Files.exists(executor)) return null;
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(executor.toFile()).get("reportName");
            return node == null || node.asText().isBlank() ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path run(Path projectDir, List<String> cmd, Path reportDir) throws IOException, InterruptedException {
        Path log = Files.createTempFile("allure-report-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(projectDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("Allure report generation took more than 5 minutes");
            }
            Path index = reportDir.resolve("index.html");
            if (p.exitValue() != 0 || !Files.exists(index)) {
                List<String> lines = Files.readAllLines(log);
                String tail = String.join(" | ", lines.stream().filter(l -> !l.isBlank()).skip(Math.max(0, lines.size() - 3)).toList());
                throw new IOException("Allure report generation failed (" + String.join(" ", cmd.subList(0, 2)) + "): " + tail);
            }
            return index;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Copies the last report's history into the results, so the next report shows trends. */
    static void carryHistory(Path reportDir, Path results) throws IOException {
        Path from = reportDir.resolve("history");
        if (!Files.isDirectory(from)) return;
        Path to = results.resolve("history");
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The project folder: harness.home when the launcher sets it, else the folder above target/harness.jar. */
    public static Path projectDir() {
        String home = System.getProperty("harness.home");
        if (home != null) return Path.of(home);
        try {
            Path jar = Path.of(AllureReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar.getParent().getParent() : jar.getParent().getParent();
            if (Files.exists(dir.resolve("pom.xml"))) return dir;
        } catch (Exception ignored) {
            // fall back to the working directory
        }
        return new File("").getAbsoluteFile().toPath();
    }
}
