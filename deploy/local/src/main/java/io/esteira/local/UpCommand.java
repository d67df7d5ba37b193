package io.esteira.local;

import io.esteira.local.stack.CtrlC;
import io.esteira.local.stack.LocalStack;
import io.esteira.local.stack.StackOptions;
import io.esteira.local.stack.StackRunner;
import io.esteira.runtime.config.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code up}: the four services against existing databases. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the four services against existing OLTP and DW databases (migrating both schemas), with an"
                    + " embedded broker unless --broker-url is given, and shows progress until Ctrl-C.",
            "With --until-idle SECONDS it exits 0 once every entity is caught up and nothing has moved for that"
                    + " long, printing a summary."
        })
class UpCommand implements Callable<Integer> {

    @Option(names = "--oltp-url", required = true, description = "JDBC URL of the OLTP database.")
    String oltpUrl;

    @Option(names = "--oltp-username", defaultValue = "", description = "OLTP user (or in the URL).")
    String oltpUsername;

    @Option(names = "--oltp-password", defaultValue = "", description = "OLTP password (or in the URL).")
    String oltpPassword;

    @Option(names = "--dw-url", required = true, description = "JDBC URL of the warehouse database.")
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

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up (exit 1) after SECONDS.")
    Integer timeout;

    @Mixin
    StackConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        StackOptions options = new StackOptions(
                new Endpoint(oltpUrl, oltpUsername, oltpPassword),
                new Endpoint(dwUrl, dwUsername, dwPassword),
                connection.brokerUrl,
                connection.brokerPort,
                connection.port,
                Map.of("esteira.extractor.interval", "PT1S"));
        try (CtrlC ctrlC = new CtrlC(30);
                LocalStack stack = LocalStack.start(options, line -> System.out.println("» " + line))) {
            StackRunner runner = new StackRunner(stack, System.out, connection.progressEvery);
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
