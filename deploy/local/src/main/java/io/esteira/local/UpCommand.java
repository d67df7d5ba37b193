package io.esteira.local;

import io.esteira.local.stack.CtrlC;
import io.esteira.local.stack.EmbeddedDatabases;
import io.esteira.local.stack.LocalStack;
import io.esteira.local.stack.StackOptions;
import io.esteira.local.stack.StackRunner;
import io.esteira.runtime.config.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code up}: the four services against existing databases. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the four services against existing OLTP and DW databases (migrating both schemas), with an"
                    + " embedded broker unless --broker-url is given, and shows progress until Ctrl-C.",
            "With --until-idle SECONDS it exits 0 once every entity is caught up and nothing has moved for that"
                    + " long, printing a summary.",
            "Without --oltp-url and --dw-url (or with --embedded) it runs on an embedded PostgreSQL started for the"
                    + " run: the OLTP reference schema with --scale base data and an empty DW, both deleted at exit;"
                    + " the OLTP's URL is printed, for `oltp workload --url` from another terminal."
        })
class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--oltp-url", description = "JDBC URL of the OLTP database.")
    String oltpUrl;

    @Option(names = "--oltp-username", defaultValue = "", description = "OLTP user (or in the URL).")
    String oltpUsername;

    @Option(names = "--oltp-password", defaultValue = "", description = "OLTP password (or in the URL).")
    String oltpPassword;

    @Option(names = "--dw-url", description = "JDBC URL of the warehouse database.")
    String dwUrl;

    @Option(names = "--dw-username", defaultValue = "", description = "DW user (or in the URL).")
    String dwUsername;

    @Option(names = "--dw-password", defaultValue = "", description = "DW password (or in the URL).")
    String dwPassword;

    @Option(
            names = "--until-idle",
            paramLabel = "SECONDS",
            description = "Exit 0 once nothing has moved for SECONDS and every queue is empty.")
    Integer untilIdle;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Stop after SECONDS: exit 0, or with --until-idle exit 1 when not idle by then.")
    Integer timeout;

    @Option(names = "--embedded", description = "Run on an embedded PostgreSQL (the default when no URL is given).")
    boolean embedded;

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "With --embedded: base data of SCALE × 1,000 order items; default ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--seed", defaultValue = "42", description = "With --embedded: seed of the base data; default 42.")
    long seed;

    @Mixin
    StackConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        boolean onEmbedded;
        try {
            onEmbedded = EmbeddedDatabases.chosen(embedded, oltpUrl, dwUrl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!onEmbedded) {
            return run(new Endpoint(oltpUrl, oltpUsername, oltpPassword), new Endpoint(dwUrl, dwUsername, dwPassword));
        }
        try (EmbeddedDatabases databases = EmbeddedDatabases.start(line -> System.out.println("» " + line))) {
            DemoCommand.generate(databases.oltp(), seed, scale);
            System.out.println(
                    "» Change the OLTP from another terminal: java -jar deploy/local/target/esteira-local.jar"
                            + " oltp workload --url " + databases.oltp().url() + " -u postgres --rate 20");
            return run(databases.oltp(), databases.dw());
        }
    }

    private int run(Endpoint oltp, Endpoint dw) throws Exception {
        StackOptions options = new StackOptions(
                oltp,
                dw,
                connection.brokerUrl,
                connection.brokerPort,
                connection.port,
                Map.of("esteira.extractor.interval", "PT1S"));
        try (CtrlC ctrlC = new CtrlC(30);
                LocalStack stack = LocalStack.start(options, line -> System.out.println("» " + line))) {
            StackRunner runner =
                    new StackRunner(stack, System.out, connection.progressEvery, connection.progressMode());
            StackRunner.End end = runner.run(
                    timeout == null ? null : java.time.Instant.now().plusSeconds(timeout),
                    untilIdle == null ? null : Duration.ofSeconds(untilIdle),
                    ctrlC::requested);
            runner.printSummary();
            if (end == StackRunner.End.DEADLINE && untilIdle != null) {
                System.err.println("up: not idle after " + timeout + " s; giving up.");
                return 1;
            }
            return 0;
        }
    }
}
