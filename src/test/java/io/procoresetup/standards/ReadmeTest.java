package io.procoresetup.standards;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertTrue;

/** What the README points at is in the repository: the documents it names and the folders its Architecture tree draws. */
public class ReadmeTest {
    private static String readme() throws IOException {
        Path p = Path.of("README.md");
        assertTrue(Files.exists(p), "run from the project folder");
        return Files.readString(p);
    }

    @Test
    public void everyDocumentTheReadmeNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Matcher m = Pattern.compile("[`(]([\\w./-]+\\.(?:md|json|xml|mjs))[`)]").matcher(readme());
        int named = 0;
        while (m.find()) {
            named++;
            String f = m.group(1);
            boolean inRepository = f.endsWith(".md") || (f.contains("/") && !f.startsWith("target/"));   // not run outputs
            if (inRepository && !Files.exists(Path.of(f))) missing.add(f);
        }
        assertTrue(named >= 5, "found the README's file references (" + named + ")");
        assertTrue(missing.isEmpty(), "the README names files the repository does not have: " + missing);
    }

    @Test
    public void theArchitectureTreeDrawsFoldersThatExistWhereItDrawsThem() throws IOException {
        String text = readme();
        int start = text.indexOf("## Architecture");
        String tree = text.substring(text.indexOf("```", start) + 3, text.indexOf("```", text.indexOf("```", start) + 3));
        List<String> wrong = new ArrayList<>();
        String parent = "";
        for (String line : tree.lines().toList()) {
            if (line.isBlank() || line.startsWith("              ")) continue;   // a description's second line
            String entry = line.strip().split("\\s+")[0];
            Path p = line.startsWith("  ") ? Path.of(parent, entry) : Path.of(entry);
            if (!line.startsWith("  ") && entry.endsWith("/")) parent = entry;
            if (!Files.exists(p)) wrong.add(line.strip() + " (no " + p + ")");
        }
        assertTrue(wrong.isEmpty(), "the tree draws what is not there: " + wrong);
        Matcher cli = Pattern.compile("cli/\\s+picocli commands \\(([^)]*)\\)").matcher(tree);
        assertTrue(cli.find(), tree);
        for (String command : new picocli.CommandLine(new io.procoresetup.cli.HarnessCli()).getSubcommands().keySet()) {
            assertTrue(cli.group(1).contains(command), "cli/ lists " + command + ": " + cli.group(1));
        }
    }
}
