package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A configured query whose rows are violations (not-null, unique, accepted values, ranges, …): it must
 * return none, or at most {@code threshold}. The value is the number of rows; the sample shows the
 * first rows as {@code column=value} pairs.
 */
public final class RuleCheck implements Check {

    private final CheckDefinition definition;
    private final Database database;
    private final String sql;
    private final CountThreshold threshold;
    private final int sampleSize;

    public RuleCheck(
            CheckDefinition definition, Database database, String sql, CountThreshold threshold, int sampleSize) {
        this.definition = definition;
        this.database = database;
        this.sql = sql;
        this.threshold = threshold;
        this.sampleSize = sampleSize;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    public Database database() {
        return database;
    }

    public String sql() {
        return sql;
    }

    @Override
    public Evaluation evaluate() {
        List<String> sample = new ArrayList<>();
        long rows = database.query(sql, Map.of(), rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            long count = 0;
            while (rs.next()) {
                count++;
                if (sample.size() < sampleSize) {
                    List<String> pairs = new ArrayList<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        pairs.add(meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT) + "=" + rs.getString(c));
                    }
                    sample.add(String.join(", ", pairs));
                }
            }
            return count;
        });
        Status status = threshold.judge(rows);
        String message = rows == 0
                ? "No row breaks the rule on the " + database.role() + " database."
                : rows + " row" + (rows == 1 ? "" : "s") + " break" + (rows == 1 ? "s" : "") + " the rule on the "
                        + database.role() + " database"
                        + (definition.description().isEmpty() ? "" : " (" + definition.description() + ")") + ".";
        return new Evaluation(status, (double) rows, threshold.describe(), sample, message);
    }
}
