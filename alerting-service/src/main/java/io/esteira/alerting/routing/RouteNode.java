package io.esteira.alerting.routing;

import io.esteira.alerting.model.Matchers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of the routing tree, with every setting resolved (a child inherits what it does not
 * set from its parent), as in Alertmanager's {@code route}.
 *
 * @param id the configuration path of the node, e.g. {@code esteira.alerting.route.routes[1]}; names the
 *     node in errors and in group keys
 * @param continueMatching after this node matched, try its next siblings too
 */
public record RouteNode(
        String id,
        Matchers matchers,
        String receiver,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        boolean continueMatching,
        List<RouteNode> children) {

    public RouteNode {
        groupBy = List.copyOf(groupBy);
        children = List.copyOf(children);
    }

    /**
     * The nodes that take an alert with these labels: the deepest matching nodes, walking children
     * in order and stopping at the first match unless it says {@code continue}; the node itself when
     * no child matches. Empty when this node does not match.
     */
    public List<RouteNode> match(Map<String, String> labels) {
        if (!matchers.matches(labels)) {
            return List.of();
        }
        List<RouteNode> matched = new ArrayList<>();
        for (RouteNode child : children) {
            List<RouteNode> childMatches = child.match(labels);
            matched.addAll(childMatches);
            if (!childMatches.isEmpty() && !child.continueMatching()) {
                break;
            }
        }
        if (matched.isEmpty()) {
            matched.add(this);
        }
        return matched;
    }

    /** This node and all below it, depth first. */
    public List<RouteNode> flatten() {
        List<RouteNode> all = new ArrayList<>();
        all.add(this);
        for (RouteNode child : children) {
            all.addAll(child.flatten());
        }
        return all;
    }
}
