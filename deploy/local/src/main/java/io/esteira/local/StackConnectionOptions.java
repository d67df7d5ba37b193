package io.esteira.local;

import picocli.CommandLine.Option;

/** Where the services run: ports and broker, shared by {@code demo} and {@code up}. */
final class StackConnectionOptions {

    @Option(
            names = "--broker-url",
            defaultValue = "${env:ESTEIRA_BROKER_URL}",
            description = "An existing Artemis broker (tcp://host:61616); default: run one in process.")
    String brokerUrl;

    @Option(
            names = "--broker-port",
            defaultValue = "61616",
            description =
                    "Port of the in-process broker (127.0.0.1 only; 0 picks a free one); default ${DEFAULT-VALUE}.")
    int brokerPort;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description =
                    "The services listen on PORT+1 (extractor), +2 (loader), +3 (quality), +4 (alerting), their actuators"
                            + " 1000 higher; 0 picks free ports;"
                            + " default ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--progress-every",
            defaultValue = "PT5S",
            description = "How often to print progress (ISO-8601 duration); default ${DEFAULT-VALUE}.")
    java.time.Duration progressEvery;

    @Option(
            names = "--progress",
            defaultValue = "auto",
            description = "table: one view redrawn in place with rates and bars (default on a terminal);"
                    + " line: one compact line per interval (default when output is not a terminal); auto.")
    String progress;

    io.esteira.local.stack.ProgressView.Mode progressMode() {
        return io.esteira.local.stack.ProgressView.Mode.parse(progress);
    }
}
