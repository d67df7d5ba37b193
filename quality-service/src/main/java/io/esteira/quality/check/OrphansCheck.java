package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Fact rows whose key points at no dimension row, at the unknown member through a mandatory key, or
 * at an inferred member older than a tolerance (a dimension row that never arrived), per fact and key.
 * The value is the number of such (row, key) pairs.
 */
public final class OrphansCheck implements Check {

    /** The unknown member's surrogate key in every dimension (docs/data-contract.md). */
    static final long UNKNOWN_MEMBER = 0;

    /**
     * One fact column and what it references, with names as the catalog stores them.
     *
     * @param column the fact's column
     * @param dimension the dimension table
     * @param dimensionColumn the dimension's column of the same name
     * @param mandatory the unknown member does not count as a valid reference
     * @param sql the statement that lists the orphans of this key
     */
    public record Key(String column, Catalog.Table dimension, String dimensionColumn, boolean mandatory, String sql) {}

    private final CheckDefinition definition;
    private final Database dw;
    private final Catalog.Table fact;
    private final String factKey;
    private final List<Key> keys;
    private final Duration inferredTolerance;
    private final CountThreshold threshold;
    private final int sampleSize;
    private final Clock clock;

    public OrphansCheck(
            CheckDefinition definition,
            Database dw,
            Catalog.Table fact,
            String factKey,
            List<Key> keys,
            Duration inferredTolerance,
            CountThreshold threshold,
            int sampleSize,
            Clock clock) {
        this.definition = definition;
        this.dw = dw;
        this.fact = fact;
        this.factKey = factKey;
        this.keys = List.copyOf(keys);
        this.inferredTolerance = inferredTolerance;
        this.threshold = threshold;
        this.sampleSize = sampleSize;
        this.clock = clock;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    /** Every statement the check runs, for start-up validation. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (Key key : keys) {
            statements.add(countSql(key));
            statements.add(sampleSql(key));
        }
        return statements;
    }

    @Override
    public Evaluation evaluate() {
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(inferredTolerance), ZoneOffset.UTC);
        long total = 0;
        List<String> sample = new ArrayList<>();
        List<String> perKey = new ArrayList<>();
        for (Key key : keys) {
            Map<String, Object> parameters = parameters(key, cutoff);
            long count = dw.count(countSql(key), parameters);
            if (count == 0) {
                continue;
            }
            total += count;
            perKey.add(key.column() + " " + count);
            if (sample.size() < sampleSize) {
                for (String row : dw.sample(sampleSql(key), parameters, (rs, n) -> describe(key, rs))) {
                    if (sample.size() < sampleSize) {
                        sample.add(row);
                    }
                }
            }
        }
        Status status = threshold.judge(total);
        String message = total == 0
                ? "No orphan keys in " + fact + " (" + keys.size() + " keys checked)."
                : total + " orphan key" + (total == 1 ? "" : "s") + " in " + fact + ": " + String.join(", ", perKey)
                        + " (missing dimension row, unknown member of a mandatory key, or inferred for over "
                        + inferredTolerance + ").";
        return new Evaluation(status, (double) total, threshold.describe(), sample, message);
    }

    private Map<String, Object> parameters(Key key, LocalDateTime cutoff) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("unknown_member", new SqlParameterValue(Types.BIGINT, key.mandatory() ? UNKNOWN_MEMBER : null));
        parameters.put("inferred", Boolean.TRUE);
        parameters.put("cutoff", cutoff);
        return parameters;
    }

    private String describe(Key key, java.sql.ResultSet rs) throws java.sql.SQLException {
        String problem = rs.getString("problem");
        String where = fact.name() + "." + key.column() + "=" + rs.getLong("dimension_key") + " (" + factKey + "="
                + rs.getString("fact_key") + ")";
        return switch (problem) {
            case "missing" -> where + ": no row in " + key.dimension();
            case "unknown" -> where + ": unknown member of " + key.dimension() + " for a mandatory key";
            default -> where + ": inferred member of " + key.dimension() + " since "
                    + rs.getObject("loaded_at", LocalDateTime.class) + " UTC";
        };
    }

    private static String countSql(Key key) {
        return "SELECT COUNT(*) FROM (" + key.sql() + ") orphans";
    }

    private static String sampleSql(Key key) {
        return key.sql() + " ORDER BY fact_key";
    }
}
