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
 * allure-maven installs under .allure/ (its install goal, run once). History is carried from the previous
 * report so trends show.
 */
public final class AllureReport {
    public static final String VERSION = "2.34.0";

    private AllureReport() {}

    /**
     * Writes {@code reportDir} as exactly {@code index.html} (one file) and {@code history/} (what the next
     * report needs for its trend charts). Allure's single-file mode writes no history, so the results are
     * also rendered once as a normal report in a temporary folder, only for its history.
     */
    public static Path generate(Path projectDir, Path results, Path reportDir) throws IOException, InterruptedException {
        Path allure = commandline(projectDir);
        carryHistory(reportDir, results);
        Path full = Files.createTempDirectory("allure-full-");
        List<String> name = reportName(results) == null ? List.of() : List.of("--name", reportName(results));
        try {
            // the two renderings read the same results and write different folders: side by side
            Process history = start(projectDir, concat(List.of(allure.toString(), "generate", "--clean", "-o", full.toString()), name,
                    List.of(results.toString())));
            try {
                run(projectDir, concat(List.of(allure.toString(), "generate", "--single-file", "--clean", "-o", reportDir.toString()), name,
                        List.of(results.toString())));
            } finally {
                history.finish();
            }
            Path index = reportDir.resolve("index.html");
            if (!Files.exists(index)) throw new IOException("Allure wrote no " + index);
            copyDir(full.resolve("history"), reportDir.resolve("history"));
            return index;
        } finally {
            deleteTree(full);
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    /** The report's title the run wrote into executor.json (reportName), if any: the job and the company. */
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

    /** The Allure commandline under .allure/, installed there by allure-maven (from Maven Central) the first time. */
    static Path commandline(Path projectDir) throws IOException, InterruptedException {
        Path allure = projectDir.resolve(".allure/allure-" + VERSION + "/bin/allure");
        if (!Files.isExecutable(allure)) {
            run(projectDir, List.of("mvn", "-B", "-q", "--no-transfer-progress", "io.qameta.allure:allure-maven:2.17.0:install"));
            if (!Files.isExecutable(allure)) throw new IOException("allure-maven did not install the Allure commandline at " + allure);
        }
        return allure;
    }

    private static void run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        start(dir, cmd).finish();
    }

    /** A short-lived JVM (the Allure commandline): client compiler only, as the harness's own launcher runs. */
    static final String FAST_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";

    private static Process start(Path dir, List<String> cmd) throws IOException {
        Path log = Files.createTempFile("allure-report-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().merge("JAVA_OPTS", FAST_JVM, (theirs, mine) -> mine + " " + theirs);     // the user's options win
        return new Process(pb.start(), cmd, log);
    }

    private record Process(java.lang.Process process, List<String> cmd, Path log) {
        void finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException("Allure report generation took more than 5 minutes");
                }
                if (process.exitValue() != 0) {
                    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
                    throw new IOException("Allure report generation failed (" + String.join(" ", cmd.subList(0, 2)) + "): "
                            + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }

    private static void copyDir(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Copies the last report's history into the results, so the next report shows trends. */
    static void carryHistory(Path reportDir, Path results) throws IOException {
        copyDir(reportDir.resolve("history"), results.resolve("history"));
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
