package io.esteira.alerting.silence;

import io.esteira.alerting.model.Matchers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mutes the alerts its matchers match between {@code startsAt} (inclusive) and {@code endsAt} (exclusive). */
public record Silence(
        String id, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    public enum State {
        PENDING,
        ACTIVE,
        EXPIRED
    }

    public State state(Instant now) {
        if (!now.isBefore(endsAt)) {
            return State.EXPIRED;
        }
        return now.isBefore(startsAt) ? State.PENDING : State.ACTIVE;
    }

    /** The labels this silence's matchers name, each with its matcher's value (what list filters match). */
    public Map<String, String> matcherLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        matchers.all().forEach(matcher -> labels.put(matcher.name(), matcher.value()));
        return labels;
    }

    public boolean mutes(Map<String, String> labels, Instant now) {
        return state(now) == State.ACTIVE && matchers.matches(labels);
    }
}
