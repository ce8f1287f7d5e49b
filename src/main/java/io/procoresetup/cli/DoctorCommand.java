package io.procoresetup.cli;

import io.procoresetup.browser.BrowserLocator;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Reports what the harness needs on this machine and what is missing. */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = HarnessCli.Version.class,
        description = "Report Java, Maven, browser and driver, and what is missing.")
final class DoctorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        int missing = 0;
        Runtime.Version java = Runtime.version();
        boolean javaOk = java.feature() >= 17;
        line("Java", javaOk, System.getProperty("java.home") + " (" + java + ")", "install a JDK 17: apt-get install -y openjdk-17-jdk-headless");
        if (!javaOk) missing++;

        Optional<Path> mvn = findOnPath("mvn");
        line("Maven", mvn.isPresent(), mvn.map(p -> p + " (" + BrowserLocator.version(p).orElse("?") + ")").orElse(""),
                "apt-get install -y maven");
        if (mvn.isEmpty()) missing++;

        Optional<Path> browser = BrowserLocator.browser(null);
        line("Browser", browser.isPresent(), browser.map(p -> p + " (" + BrowserLocator.version(p).orElse("?") + ")").orElse(""),
                "apt-get install -y chromium  (or set CHROME_BIN)");
        if (browser.isEmpty()) missing++;

        Optional<Path> driver = BrowserLocator.driver(null);
        line("Driver", driver.isPresent(), driver.map(p -> p + " (" + BrowserLocator.version(p).orElse("?") + ")").orElse(""),
                "apt-get install -y chromium-driver  (or set CHROMEDRIVER)");
        if (driver.isEmpty()) missing++;

        System.out.println(missing == 0 ? "All set." : missing + " missing: install the above, or run ./harness, which installs them when run as root.");
        return missing == 0 ? ExitCodes.OK : ExitCodes.MISSING_TOOL;
    }

    private static void line(String what, boolean ok, String found, String fix) {
        System.out.printf("%-8s %s %s%n", what, ok ? "ok     " : "MISSING", ok ? found : "-> " + fix);
    }

    private static Optional<Path> findOnPath(String name) {
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (java.nio.file.Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
