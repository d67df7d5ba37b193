package io.esteira.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code source prepare}: readies a customer's OLTP tables for exact capture. */
@Command(
        name = "source",
        mixinStandardHelpOptions = true,
        description = "Prepares an OLTP database's own tables for capture (docs/runbook.md, \"Adding an entity\").",
        subcommands = {SourcePrepareCommand.class})
class SourceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
