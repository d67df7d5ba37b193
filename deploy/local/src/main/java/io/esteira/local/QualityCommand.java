package io.esteira.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code quality validate}: the quality service's tools that need no running service. */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        description = "Data-quality tools that run without the quality service.",
        subcommands = {QualityValidateCommand.class})
class QualityCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
