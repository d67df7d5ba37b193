package io.esteira.alerting.model;

import java.util.List;
import java.util.Map;

/** A conjunction of {@link Matcher}s: all must match. No matcher matches everything. */
public record Matchers(List<Matcher> all) {

    public static final Matchers ANY = new Matchers(List.of());

    public Matchers {
        all = List.copyOf(all);
    }

    public boolean matches(Map<String, String> labels) {
        for (Matcher matcher : all) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return all.toString();
    }
}
