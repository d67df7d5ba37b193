package io.esteira.local.stack;

import io.esteira.runtime.config.Endpoint;
import java.util.Map;

/**
 * How to run the stack.
 *
 * @param oltp the source database
 * @param dw the warehouse
 * @param brokerUrl an existing Artemis broker, or null to run one in process
 * @param brokerPort the embedded broker's port (0 picks a free one)
 * @param firstPort the services listen on firstPort+1 … firstPort+4 (0: free ports)
 * @param properties more Spring properties for every service (e.g. the alert receivers)
 */
public record StackOptions(
        Endpoint oltp, Endpoint dw, String brokerUrl, int brokerPort, int firstPort, Map<String, String> properties) {

    public StackOptions {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
