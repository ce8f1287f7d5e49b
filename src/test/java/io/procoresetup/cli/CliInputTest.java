package io.procoresetup.cli;

import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** Bad input to the command line is one line on stderr and a documented exit code, never a stack trace. */
public class CliInputTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = HarnessCli.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static void assertOneLineError(Run r, int code, String contains) {
        assertEquals(r.code(), code, r.err());
        assertEquals(r.err().strip().lines().count(), 1L, "one line: " + r.err());
        assertTrue(r.err().contains(contains), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    public void unknownCommandAndOptionAreOneLine() {
        assertOneLineError(run("frobnicate"), ExitCodes.BAD_INPUT, "frobnicate");
        assertOneLineError(run("sim", "--bogus"), ExitCodes.BAD_INPUT, "--bogus");
    }

    @Test
    public void simRejectsBadPortAndProjects() {
        assertOneLineError(run("sim", "--port", "abc"), ExitCodes.BAD_INPUT, "--port");
        assertOneLineError(run("sim", "--port", "70000"), ExitCodes.BAD_INPUT, "between 0 and 65535");
        assertOneLineError(run("sim", "--projects", "-3"), ExitCodes.BAD_INPUT, "--projects");
        assertOneLineError(run("sim", "--accounts-state", "maybe"), ExitCodes.BAD_INPUT, "--accounts-state");
    }

    @Test
    public void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(r.code(), 0);
        assertTrue(r.out().contains("sim") && r.out().contains("doctor"), r.out());
    }

    @Test
    public void doctorReportsEachTool() {
        Run r = run("doctor");
        for (String what : new String[] {"Java", "Maven", "Browser", "Driver"}) assertTrue(r.out().contains(what), r.out());
        assertEquals(r.code(), r.out().contains("MISSING") ? ExitCodes.MISSING_TOOL : ExitCodes.OK);
    }

    @Test
    public void productionWithoutAllowProductionIsAConsentRefusal() {
        Run r = run("setup", "--target", "production", "--company", "5", "--user", "a@example.com", "--consent", "5", "--no-report");
        assertOneLineError(r, io.procoresetup.failure.Category.CONSENT_REFUSED.exitCode, "--allow-production");
        assertTrue(r.err().contains("Consent refused"), r.err());
    }

    @Test
    public void readmeExitCodeTableNamesEachCategoryUnderItsCode() throws java.io.IOException {
        java.util.Map<Integer, String> rows = new java.util.HashMap<>();
        boolean inTable = false;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md"))) {
            if (line.startsWith("#")) inTable = line.equals("### Exit codes");
            if (!inTable) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\| (\\d+) \\| (.+) \\|$").matcher(line);
            if (m.matches()) rows.put(Integer.parseInt(m.group(1)), m.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        for (io.procoresetup.failure.Category c : io.procoresetup.failure.Category.values()) {
            String row = rows.get(c.exitCode);
            assertTrue(row != null && row.contains(c.label.toLowerCase(java.util.Locale.ROOT).split(" ")[0]),
                    c + " exits " + c.exitCode + " but the README's row says: " + row);
        }
        for (io.procoresetup.failure.Category c : io.procoresetup.failure.Category.values()) {
            // every failure line ends with this advice, also after --no-report: it must not send people to a report that was not written
            assertFalse(c.next.contains("in the report"), c + ": " + c.next);
        }
        // Add All failing or stalling is a NETWORK failure (exit 8, resumable), and is listed there only
        long addAllFailedRows = rows.values().stream().filter(v -> v.contains("failed add all") || v.contains("add all failed")).count();
        assertTrue(rows.get(io.procoresetup.failure.Category.NETWORK.exitCode).contains("failed add all"), rows.toString());
        assertEquals(addAllFailedRows, 1L, rows.toString());
    }

    @Test
    public void everyCommandPrintsItsVersion() {
        picocli.CommandLine cli = new picocli.CommandLine(new HarnessCli());
        assertTrue(cli.getSubcommands().size() >= 7, cli.getSubcommands().keySet().toString());
        for (String command : cli.getSubcommands().keySet()) {
            Run r = run(command, "-V");
            assertEquals(r.code(), 0, command + " -V: " + r.err());
            assertTrue(r.out().startsWith("procore-setup-harness "), command + " -V printed: '" + r.out() + "'");
        }
    }

    @Test
    public void helpDescriptionsAreWholeSentencesThatPicocliWraps() {
        picocli.CommandLine cli = new picocli.CommandLine(new HarnessCli());
        java.util.List<String> broken = new java.util.ArrayList<>();
        for (picocli.CommandLine sub : cli.getSubcommands().values()) {
            java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(sub.getCommandSpec().usageMessage().description()));
            sub.getCommandSpec().options().forEach(o -> texts.addAll(java.util.List.of(o.description())));
            for (String t : texts) {
                // a hand-made line break shows as an element that stops mid-sentence
                if (!t.isBlank() && !t.strip().matches("(?s).*[.:)]$")) broken.add(sub.getCommandName() + ": " + t);
            }
            String usage = sub.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
            usage.lines().filter(l -> l.length() > 80).forEach(l -> broken.add(sub.getCommandName() + " (wider than 80): " + l));
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }
}
