package io.procoresetup.evidence;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

/**
 * The Allure commandline's own {@code generate}, twice in one JVM: the full report (for its history) and then the
 * single file, which reuses what the first warmed. Run by {@link AllureReport} on the commandline's classpath, from
 * a small jar of its own; it therefore names no other harness class and reaches Allure by reflection (the
 * commandline is not a compile-time dependency: allure-maven installs it under .allure/).
 * <p>Arguments: allure home, results folder, full report folder, single-file report folder, [report name].
 * Exit 0 when both renderings succeed.
 */
public final class AllureRenderer {
    private AllureRenderer() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        List<Path> results = List.of(Path.of(args[1]));
        Class<?> commands = Class.forName("io.qameta.allure.Commands");
        Class<?> config = Class.forName("io.qameta.allure.option.ConfigOptions");
        Class<?> name = Class.forName("io.qameta.allure.option.ReportNameOptions");
        Class<?> language = Class.forName("io.qameta.allure.option.ReportLanguageOptions");
        Object c = commands.getConstructor(Path.class).newInstance(home);
        Object configOptions = config.getConstructor().newInstance();
        Object nameOptions = name.getConstructor().newInstance();
        Object languageOptions = language.getConstructor().newInstance();
        if (args.length > 4) {
            Field f = name.getDeclaredField("reportName");
            f.setAccessible(true);
            f.set(nameOptions, args[4]);
        }
        Method generate = commands.getMethod("generate", Path.class, List.class, boolean.class, boolean.class, config, name, language);
        for (int i = 0; i < 2; i++) {
            boolean singleFile = i == 1;
            Object code = generate.invoke(c, Path.of(args[2 + i]), results, true, singleFile, configOptions, nameOptions, languageOptions);
            if (!"NO_ERROR".equals(String.valueOf(code))) {
                System.err.println("allure generate" + (singleFile ? " --single-file" : "") + " answered " + code);
                System.exit(1);
            }
        }
        System.exit(0);     // Allure's own threads (if any) do not keep the JVM
    }
}
