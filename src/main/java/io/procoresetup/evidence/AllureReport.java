package io.procoresetup.evidence;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

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
     * also rendered once as a normal report in a temporary folder, only for its history: both renderings in one
     * JVM ({@link AllureRenderer}), the second warmed by the first.
     */
    public static Path generate(Path projectDir, Path results, Path reportDir) throws IOException, InterruptedException {
        Path home = commandline(projectDir).getParent().getParent();
        carryHistory(reportDir, results);
        Path full = Files.createTempDirectory("allure-full-");
        String name = reportName(results);
        try {
            Renderer renderer = renderer(projectDir, home);
            List<String> cmd = new ArrayList<>(renderer.java());
            cmd.addAll(List.of(home.toString(), results.toString(), full.toString(), reportDir.toString()));
            if (name != null) cmd.add(name);
            try {
                start(projectDir, "allure generate", cmd).finish();
                if (renderer.archive() != null) renderer.archive().install();
            } finally {
                if (renderer.archive() != null) Files.deleteIfExists(renderer.archive().made());    // a failed JVM's partial archive
            }
            Path index = reportDir.resolve("index.html");
            if (!Files.exists(index)) throw new IOException("Allure wrote no " + index);
            copyDir(full.resolve("history"), reportDir.resolve("history"));
            return index;
        } finally {
            deleteTree(full);
        }
    }

    /**
     * The java command that runs {@link AllureRenderer} on the commandline's jars: a client JVM with a class-data
     * archive of its own under .allure/, made by the first report after a Java update or a new harness build and
     * used by every report after it (the two renderings took 2.8 s without it and 2.0 s with it, measured). The
     * archive needs a classpath of jars only, so the renderer goes into a jar of its own beside the commandline.
     */
    static Renderer renderer(Path projectDir, Path home) throws IOException {
        Path jar = rendererJar(projectDir.resolve(".allure"));
        List<String> classpath = new ArrayList<>();
        try (var jars = Files.list(home.resolve("lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().forEach(classpath::add);
        }
        classpath.add(jar.toString());
        String cp = String.join(File.pathSeparator, classpath);
        Path archive = projectDir.resolve(".allure/allure-" + VERSION + ".jsa");
        Path key = projectDir.resolve(".allure/allure-" + VERSION + ".jsa.key");
        String wanted = System.getProperty("java.home") + "\n" + Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar) + "\n" + cp + "\n";
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(FAST_JVM.split(" ")));
        PendingArchive pending = null;
        if (Files.exists(archive) && Files.exists(key) && wanted.equals(Files.readString(key))) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        } else {
            Path made = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
            cmd.add("-XX:ArchiveClassesAtExit=" + made);
            pending = new PendingArchive(made, archive, key, wanted);
        }
        cmd.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dlogback.configurationFile=" + home.resolve("lib/config/logback.xml")));
        for (String env : List.of("JAVA_OPTS", "ALLURE_OPTS")) {              // the user's options (e.g. -Xmx) win
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) cmd.addAll(List.of(v.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", cp, AllureRenderer.class.getName()));
        return new Renderer(cmd, pending);
    }

    /** How to start the renderer, and the archive its JVM makes (null when it uses one). */
    record Renderer(List<String> java, PendingArchive archive) {}

    /** An archive being made by this report's JVM: put in place (with its key) once the JVM exits well. */
    record PendingArchive(Path made, Path archive, Path key, String wanted) {
        void install() {
            try {
                if (!Files.exists(made)) return;
                Files.move(made, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(key, wanted);
            } catch (IOException e) {
                // no archive: the next report makes one
            }
        }
    }

    /** AllureRenderer's class in a jar of its own under .allure/, rewritten only when the class changed. */
    static Path rendererJar(Path dir) throws IOException {
        String resource = AllureRenderer.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = AllureRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing " + resource);
            bytes = in.readAllBytes();
        }
        Path jar = dir.resolve("harness-renderer.jar");
        if (Files.exists(jar)) {
            try (JarFile j = new JarFile(jar.toFile())) {
                JarEntry e = j.getJarEntry(resource);
                if (e != null) {
                    try (InputStream in = j.getInputStream(e)) {
                        if (Arrays.equals(in.readAllBytes(), bytes)) return jar;
                    }
                }
            } catch (IOException e) {
                // unreadable: written again below
            }
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "harness-renderer-", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            out.putNextEntry(new JarEntry(resource));
            out.write(bytes);
            out.closeEntry();
        }
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return jar;
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
        start(dir, String.join(" ", cmd.subList(0, 2)), cmd).finish();
    }

    /** A short-lived JVM (the Allure renderer): client compiler only, as the harness's own launcher runs. */
    static final String FAST_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";

    private static Process start(Path dir, String what, List<String> cmd) throws IOException {
        Path log = Files.createTempFile("allure-report-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        return new Process(pb.start(), what, log);
    }

    private record Process(java.lang.Process process, String what, Path log) {
        void finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException("Allure report generation took more than 5 minutes");
                }
                if (process.exitValue() != 0) {
                    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
                    throw new IOException("Allure report generation failed (" + what + "): "
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
