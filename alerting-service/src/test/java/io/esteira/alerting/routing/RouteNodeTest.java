package io.esteira.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteNodeTest {

    private static RouteNode node(
            String id, String receiver, boolean cont, List<RouteNode> children, String... matchers) {
        return new RouteNode(
                id,
                new Matchers(List.of(matchers).stream().map(Matcher::parse).toList()),
                receiver,
                List.of("fingerprint"),
                Duration.ZERO,
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                cont,
                children);
    }

    private final RouteNode root = node(
            "root",
            "default",
            false,
            List.of(
                    node("critical-email", "email", true, List.of(), "severity=critical"),
                    node("critical-pager", "pager", false, List.of(), "severity=critical"),
                    node(
                            "orders",
                            "orders-team",
                            false,
                            List.of(node("orders-sla", "orders-sla", false, List.of(), "kind=sla")),
                            "entity=~orders|order_items"),
                    node("never", "never", false, List.of(), "severity=critical")));

    private static List<String> receivers(List<RouteNode> nodes) {
        return nodes.stream().map(RouteNode::receiver).toList();
    }

    @Test
    void shouldFollowContinueToTheNextMatchingRouteAndStopAfterTheFirstWithout() {
        assertThat(receivers(root.match(Map.of("severity", "critical", "entity", "orders"))))
                .containsExactly("email", "pager");
    }

    @Test
    void shouldPickTheDeepestMatchingChild() {
        assertThat(receivers(root.match(Map.of("severity", "warning", "entity", "order_items", "kind", "sla"))))
                .containsExactly("orders-sla");
        assertThat(receivers(root.match(Map.of("severity", "warning", "entity", "orders", "kind", "dlq"))))
                .containsExactly("orders-team");
    }

    @Test
    void shouldFallBackToTheDefaultRouteWhenNoChildMatches() {
        assertThat(receivers(root.match(Map.of("severity", "info", "entity", "customers"))))
                .containsExactly("default");
    }
}
