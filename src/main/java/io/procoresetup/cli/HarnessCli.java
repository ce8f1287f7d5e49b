package io.procoresetup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The `harness` command line: one subcommand per job. */
@Command(name = "harness", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class,
        description = "Sets up a Procore service account through Procore's web UI, with consent and evidence.")
public final class HarnessCli implements Runnable {
    /** The subcommands, in the order --help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(SetupCommand.class, PlanCommand.class, VerifyCommand.class,
            RegressionCommand.class, ReportCommand.class, SimCommand.class, DoctorCommand.class);

    /** Selenium logs through java.util.logging (its tracing set-up, when turned on): keep the console for the run (held, so it stays set). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with every subcommand (its --help lists them all). */
    public static CommandLine commandLine() { return commandLine(SUBCOMMANDS); }

    /**
     * The command line for these arguments: picocli reads every option of every subcommand it is given, and a run
     * names one, so only that one is read; every one when the first argument names none (the command list, or a
     * mistyped name that picocli answers with the names it knows).
     */
    static CommandLine commandLine(String... args) {
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        return commandLine(named.isEmpty() ? SUBCOMMANDS : named);
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new HarnessCli());
        for (Class<?> c : subcommands) cli.addSubcommand(c);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: bad input is one line on stderr, never a stack trace. */
    public static int execute(String... args) {
        SELENIUM_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cli = commandLine(args);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("harness: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> SuiteRunner.explain(ex, c.getCommandName()));
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HarnessCli.class.getPackage().getImplementationVersion();
            return new String[] {"procore-setup-harness " + (v == null ? "dev" : v)};
        }
    }
}
