package io.procoresetup.evidence;

import io.procoresetup.failure.Category;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.procoresetup.secrets.Redactor;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The files Allure reads beside the results: environment.properties, categories.json, executor.json. */
public final class ResultsFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFiles() {}

    /**
     * Allure's results writer, used once on a throwaway result in a throwaway folder: its JSON library (a shaded
     * Jackson, about 110 classes) loads then instead of between the run's first two tests, where it took 40-50 ms
     * (measured, README "Performance"). Meant for a moment the run only waits (Add All's job, on Procore's side).
     */
    public static void warmAllureWriter() {
        try {
            Path dir = Files.createTempDirectory("harness-warm-");
            try {
                TestResult r = new TestResult().setUuid(UUID.randomUUID().toString())
                        .setName("warm-up").setStatus(Status.PASSED).setStage(Stage.FINISHED)
                        .setStatusDetails(new StatusDetails().setMessage("warm-up"))
                        .setSteps(List.of(new StepResult().setName("step").setStatus(Status.PASSED)
                                .setAttachments(List.of(new Attachment().setName("a").setSource("a.txt").setType("text/plain")))))
                        .setLabels(List.of(new Label().setName("suite").setValue("warm-up")))
                        .setLinks(List.of(new Link().setName("link").setUrl("about:blank")))
                        .setParameters(List.of(new Parameter().setName("p").setValue("v")
                                .setMode(Parameter.Mode.DEFAULT)));
                new FileSystemResultsWriter(dir).write(r);
            } finally {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // only a warm-up (it runs while Add All's job runs and must not throw): the run's own writer does the same work later
        }
    }

    /** Removes the previous run's results, keeping Allure's history so trends carry over. */
    public static void clean(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) if (Files.isRegularFile(p)) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void environment(Path dir, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v == null ? "" : v.replace("\n", " ")).append('\n'));
        write(dir.resolve("environment.properties"), Redactor.global().redact(b.toString()));
    }

    public static void categories(Path dir) {
        List<Map<String, Object>> cats = new ArrayList<>();
        for (Category c : Category.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.label);
            m.put("messageRegex", "(?s)" + java.util.regex.Pattern.quote(c.label + ":") + ".*");
            m.put("matchedStatuses", List.of("failed", "broken"));
            cats.add(m);
        }
        writeJson(dir.resolve("categories.json"), cats);
    }

    /** executor.json: who ran the results (shown in the report's overview). */
    public static void executor(Path dir, String buildName) { executor(dir, buildName, null); }

    /** executor.json, with the report's title when the run knows it (Allure shows reportName as the report's name). */
    public static void executor(Path dir, String buildName, String reportName) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean gha = System.getenv("GITHUB_ACTIONS") != null;
        m.put("name", gha ? "GitHub Actions" : "procore-setup-harness");
        m.put("type", gha ? "github" : "local");
        m.put("buildName", buildName);
        if (reportName != null) m.put("reportName", reportName);
        if (gha && System.getenv("GITHUB_SERVER_URL") != null) {
            m.put("buildUrl", System.getenv("GITHUB_SERVER_URL") + "/" + System.getenv("GITHUB_REPOSITORY") + "/actions/runs/" + System.getenv("GITHUB_RUN_ID"));
        }
        writeJson(dir.resolve("executor.json"), m);
    }

    public static void writeJson(Path file, Object value) {
        write(file, json(value));
    }

    /** Pretty, redacted JSON. */
    public static String json(Object value) {
        try {
            return Redactor.global().redact(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
