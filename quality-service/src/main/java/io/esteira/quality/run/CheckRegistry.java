package io.esteira.quality.run;

import io.esteira.quality.check.Check;
import io.esteira.quality.config.QualityProperties.CheckRepair;
import java.time.Duration;
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

    /**
     * Fails start-up when a check's statement timeout is not shorter than the database socket timeout
     * ({@code esteira.timeouts.database-socket}): the driver would drop the connection before the check's
     * own timeout cancelled its statement, and the check would fail as a lost connection instead of a
     * timed-out check.
     */
    public void requireTimeoutsShorterThan(Duration databaseSocket) {
        for (Check check : checks.values()) {
            Duration timeout = check.definition().timeout();
            if (timeout.compareTo(databaseSocket) >= 0) {
                throw new IllegalStateException(
                        "esteira.quality.checks." + check.definition().id() + ".timeout ("
                                + timeout + ") is not shorter than esteira.timeouts.database-socket (" + databaseSocket
                                + "): shorten the check's timeout or lengthen the socket timeout"
                                + " (docs/runbook.md#a-network-that-stalls)");
            }
        }
    }

    /** The repair plan of a check with repair enabled. */
    public Optional<CheckRepair> repair(String id) {
        return Optional.ofNullable(repairs.get(id));
    }
}
