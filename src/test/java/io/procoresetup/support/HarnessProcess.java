package io.procoresetup.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the harness command line in its own JVM, as a person's shell would, with its own Allure
 * lifecycle and results folder; captures its console.
 */
public final class HarnessProcess {
    public record Result(int code, String out, String err) {
        public String console() { return out + err; }
    }

    /** Every console the harness printed in this test run (for the final secret scan). */
    public static final java.util.List<String> ALL_CONSOLES = java.util.Collections.synchronizedList(new ArrayList<>());

    private HarnessProcess() {}

    public static Result run(Map<String, String> env, String... args) { return run(env, p -> { }, args); }

    /** As {@link #run(Map, String...)}, handing the started process to {@code started} (to kill it mid-run). */
    public static Result run(Map<String, String> env, java.util.function.Consumer<ProcessHandle> started, String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, "io.procoresetup.cli.HarnessCli"));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("harness-out-", ".txt");
            Path err = Files.createTempFile("harness-err-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            started.accept(p.toHandle());
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("the harness did not finish within 5 minutes: " + String.join(" ", args));
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            ALL_CONSOLES.add(r.console());
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
