package io.procoresetup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `harness` command line: one subcommand per job. */
@Command(name = "harness", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class,
        description = "Sets up a Procore service account through Procore's web UI, with consent and evidence.",
        subcommands = {SetupCommand.class, PlanCommand.class, VerifyCommand.class, RegressionCommand.class, ReportCommand.class, SimCommand.class, DoctorCommand.class})
public final class HarnessCli implements Runnable {
    /** Selenium's remote client logs its tracing set-up through java.util.logging: keep the console for the run (held, so it stays set). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: bad input is one line on stderr, never a stack trace. */
    public static int execute(String... args) {
        SELENIUM_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine cli = new CommandLine(new HarnessCli());
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
