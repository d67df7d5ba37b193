package io.esteira.quality.run;

import io.esteira.quality.check.Check;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The enabled, validated checks, by id, and the repair plan of those that have one. */
public class CheckRegistry {

    private final Map<String, Check> checks;
    private final Map<String, CheckRepair> repairs;

    public CheckRegistry(Map<String, Check> checks, Map<String, CheckRepair> repairs) {
        this.checks = new LinkedHashMap<>(checks);
        this.repairs = Map.copyOf(repairs);
    }

    public Collection<Check> all() {
        return checks.values();
    }

    public Optional<Check> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** The repair plan of a check with repair enabled. */
    public Optional<CheckRepair> repair(String id) {
        return Optional.ofNullable(repairs.get(id));
    }
}
