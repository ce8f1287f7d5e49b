package io.procoresetup.cli;

import io.procoresetup.config.BadInput;
import io.procoresetup.config.RunConfig;
import io.procoresetup.config.Setting;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a command the options {@link Setting}'s table lists for it (by the command's name): flag, default and help come
 * from the table alone. Named as the {@code modelTransformer} of each command that runs a suite.
 */
final class TableOptions implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        List<OptionSpec> own = new ArrayList<>(spec.options());      // help lists the table's options first, then the command's own
        own.forEach(spec::remove);
        for (Setting<?> s : Setting.all()) {
            if (s.commands().contains(spec.name())) spec.addOption(option(s));
        }
        own.forEach(spec::addOption);
        return spec;
    }

    static OptionSpec option(Setting<?> s) {
        OptionSpec.Builder b = OptionSpec.builder(s.flag()).description(s.help()).defaultValue(s.defaultValue());
        // every value stays text here: the table checks it, so a bad value gets the same one line on either path
        return (s.isSwitch() ? b.type(boolean.class).arity("0") : b.type(String.class).paramLabel(s.label())).build();
    }

    /** The table's options as the command line gave them, defaults filled in, by key. */
    static Map<String, String> values(CommandSpec spec) {
        Map<String, String> values = new HashMap<>();
        for (Setting<?> s : Setting.all()) {
            OptionSpec o = spec.findOption(s.flag());
            if (o != null && o.getValue() != null) values.put(s.key(), String.valueOf((Object) o.getValue()));
        }
        return values;
    }

    /** One option's value as given (or its default); null when the command does not take it. */
    static String value(CommandSpec spec, Setting<?> s) { return values(spec).get(s.key()); }

    /** The run's configuration: the command line's options plus what the command decides itself, validated. */
    static RunConfig config(CommandSpec spec, Map<String, String> decided) {
        Map<String, String> all = values(spec);
        all.putAll(decided);
        return RunConfig.from(all);
    }

    /** Plan and verify look at what exists: a simulator started just for them would hold nothing. */
    static void requireRunningTarget(RunConfig config, String command) {
        if (config.embeddedSimulator()) {
            throw new BadInput(command + " needs a running target: --app-url of a running './harness sim', "
                    + "or --target sandbox|monthly-sandbox|production");
        }
    }
}
