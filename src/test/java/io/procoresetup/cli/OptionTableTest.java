package io.procoresetup.cli;

import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Setting;
import io.procoresetup.config.Target;
import org.testng.annotations.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** Each option is written once, in config's table: the commands' help and RunConfig, on both paths, read it from there. */
public class OptionTableTest {
    /** A valid value for each kind of option the table has, by the label help shows. */
    private static final Map<String, String> SAMPLE = Map.ofEntries(Map.entry("TARGET", "sandbox"),
            Map.entry("URL", "https://sandbox.example.com"), Map.entry("ID", "5"), Map.entry("EMAIL", "qa@example.com"),
            Map.entry("PATH", "/opt/bin/tool"), Map.entry("DIR", "/tmp/option-table-results"), Map.entry("SECONDS", "7"),
            Map.entry("UI", "current"), Map.entry("NAME", "option-table-account"), Map.entry("FILE", "/tmp/option-table.json"),
            Map.entry("COUNT", "3"), Map.entry("ROUTE", "dmsa"), Map.entry("KEY", "7b1f5e2c-3a94-4d6b-9c8e-2f4a6d1b0e53"));

    @Test
    public void everyCommandShowsTheTablesFlagDefaultAndHelpAndNoOtherCopy() {
        CommandLine cli = new CommandLine(new HarnessCli());
        List<String> wrong = new ArrayList<>();
        for (Setting<?> s : Setting.all()) {
            for (String command : s.commands()) {
                if (!cli.getSubcommands().containsKey(command)) wrong.add(s + ": the table names a command that does not exist: " + command);
            }
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            String command = sub.getCommandName();
            String usage = sub.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            for (Setting<?> s : Setting.all()) {
                OptionSpec o = sub.getCommandSpec().findOption(s.flag());
                if (!s.commands().contains(command)) {
                    if (o != null) wrong.add(command + " has " + s + " though the table does not give it that option");
                    continue;
                }
                if (o == null) {
                    wrong.add(command + " lacks " + s);
                    continue;
                }
                if (!java.util.Objects.equals(o.defaultValue(), s.defaultValue())) wrong.add(command + " " + s + " defaults to " + o.defaultValue());
                String help = s.defaultValue() == null ? s.help() : s.help().replace("${DEFAULT-VALUE}", s.defaultValue());
                if (!List.of(o.description()).equals(List.of(help))) wrong.add(command + " " + s + " has other help: " + List.of(o.description()));
                if (!s.isSwitch() && !s.label().equals(o.paramLabel())) wrong.add(command + " " + s + " shows " + o.paramLabel());
                if (s.help().contains("${DEFAULT-VALUE}") && !usage.contains("(default: " + s.defaultValue() + ")")) {
                    wrong.add(command + " --help does not show " + s + "'s default " + s.defaultValue());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    public void withNothingGivenBothPathsYieldTheTablesDefaults() {
        RunConfig c = RunConfig.from(new Properties());
        assertEquals(RunConfig.from(Map.of()), c, "the command line's path and the suite files' path");
        assertEquals(c.target(), Target.parse(Setting.TARGET.defaultValue()));
        assertEquals(c.accountName(), Setting.NAME.defaultValue());
        assertEquals(c.resultsDir(), Path.of(Setting.RESULTS.defaultValue()));
        assertEquals(c.simProjects(), Integer.parseInt(Setting.SIM_PROJECTS.defaultValue()));
        assertEquals(c.timeout(), seconds(Setting.TIMEOUT));
        assertEquals(c.addAllTimeout(), seconds(Setting.ADD_ALL_TIMEOUT));
        assertEquals(c.addAllStall(), seconds(Setting.ADD_ALL_STALL));
        assertEquals(c.deadline(), seconds(Setting.DEADLINE));
        assertEquals(c.simUi(), Setting.SIM_UI.defaultValue());
        assertFalse(c.headed() || c.handOff() || c.allowProduction() || c.resetSecret() || c.interactive(), "switches are off");
        for (Setting<?> s : Setting.all()) {
            if (s.isSwitch()) assertEquals(s.defaultValue(), "false", s + " is a switch: off unless given");
        }
    }

    @Test
    public void aFlagOnTheCommandLineMeansWhatItsPropertyMeans() {
        for (String command : List.of("setup", "plan", "verify", "regression")) {
            List<String> args = new ArrayList<>();
            Properties props = new Properties();
            for (Setting<?> s : Setting.all()) {
                if (!s.commands().contains(command)) continue;
                if (s.isSwitch()) {
                    args.add(s.flag());
                    props.setProperty(RunConfig.PREFIX + s.key(), "true");
                } else {
                    String v = SAMPLE.get(s.label());
                    assertTrue(v != null, "OptionTableTest needs a sample value for options labelled " + s.label());
                    args.add(s.flag() + "=" + v);
                    props.setProperty(RunConfig.PREFIX + s.key(), v);
                }
            }
            CommandLine cli = new CommandLine(new HarnessCli());
            args.add(0, command);
            cli.parseArgs(args.toArray(String[]::new));
            CommandLine sub = cli.getSubcommands().get(command);
            RunConfig fromFlags = TableOptions.config(sub.getCommandSpec(), new HashMap<>());
            assertEquals(fromFlags, RunConfig.from(props), command + " " + String.join(" ", args));
            assertEquals(fromFlags.timeout(), Duration.ofSeconds(7), "the flag's value, not the default");
        }
    }

    private static Duration seconds(Setting<Long> s) { return Duration.ofSeconds(Long.parseLong(s.defaultValue())); }
}
