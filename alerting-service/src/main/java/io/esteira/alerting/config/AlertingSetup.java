package io.esteira.alerting.config;

import io.esteira.alerting.config.AlertingProperties.ReceiverProperties;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.alerting.silence.InhibitRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated form of {@link AlertingProperties}: the resolved routing tree, the inhibition rules,
 * the receivers by name, and the route that takes {@code delivery} alerts to the fallback receiver.
 */
public record AlertingSetup(
        RouteNode root,
        List<InhibitRule> inhibitRules,
        Map<String, ReceiverProperties> receivers,
        Optional<RouteNode> fallbackRoute) {

    public AlertingSetup {
        inhibitRules = List.copyOf(inhibitRules);
        receivers = Map.copyOf(receivers);
    }

    public boolean sendResolved(String receiver) {
        ReceiverProperties properties = receivers.get(receiver);
        return properties != null && properties.sendResolved();
    }
}
