package io.esteira.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar deploy/local/target/esteira-local.jar <command>}: the local stack's entry point. */
@Command(
        name = "esteira-local",
        mixinStandardHelpOptions = true,
        version = "Esteira local stack 0.1.0",
        description = "Runs Esteira on one machine: the quick-start demo, OLTP tools, the services, the benchmark.",
        subcommands = {
            DemoCommand.class,
            UpCommand.class,
            ReplayCommand.class,
            OltpCommand.class,
            SourceCommand.class,
            BenchCommand.class,
            QualityCommand.class,
            CommandLine.HelpCommand.class
        })
public class EsteiraLocal implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new EsteiraLocal());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
