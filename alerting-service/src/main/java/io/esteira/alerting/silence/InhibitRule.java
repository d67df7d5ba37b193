package io.esteira.alerting.silence;

import io.esteira.alerting.model.Matchers;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's inhibition: while an alert matching {@code source} fires, alerts matching
 * {@code target} with the same values of the {@code equal} labels are muted. The default rule: a
 * firing {@code pipeline-failure} mutes the {@code sla} (freshness) alerts of the same entity.
 */
public record InhibitRule(Matchers source, Matchers target, List<String> equal) {

    public InhibitRule {
        equal = List.copyOf(equal);
    }

    /**
     * Whether the alert with {@code targetLabels} is muted by one of the {@code firing} alerts (given by
     * their labels). An alert never inhibits itself.
     */
    public boolean inhibits(Map<String, String> targetLabels, Collection<Map<String, String>> firing) {
        if (!target.matches(targetLabels)) {
            return false;
        }
        for (Map<String, String> sourceLabels : firing) {
            if (sourceLabels.equals(targetLabels) || !source.matches(sourceLabels)) {
                continue;
            }
            boolean same = true;
            for (String label : equal) {
                if (!sourceLabels.getOrDefault(label, "").equals(targetLabels.getOrDefault(label, ""))) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
