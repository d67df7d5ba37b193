package io.esteira.quality.check;

import java.util.List;
import java.util.Map;

/**
 * A generic column test ({@link ColumnTest}): the value is the number of failing rows, the sample names
 * the first of them (key and value).
 */
public final class ColumnTestCheck implements Check {

    private final CheckDefinition definition;
    private final Database database;
    private final ColumnTest test;
    private final Map<String, ?> parameters;
    private final String expectation;
    private final CountThreshold threshold;

    /**
     * @param parameters the bind values of the test's SQL ({@code :accepted}, {@code :min}, {@code :max})
     * @param expectation what the column must satisfy, in words: {@code "must not be null"}
     */
    public ColumnTestCheck(
            CheckDefinition definition,
            Database database,
            ColumnTest test,
            Map<String, ?> parameters,
            String expectation,
            CountThreshold threshold) {
        this.definition = definition;
        this.database = database;
        this.test = test;
        this.parameters = Map.copyOf(parameters);
        this.expectation = expectation;
        this.threshold = threshold;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    public ColumnTest test() {
        return test;
    }

    /** Every statement the check runs, for validation. */
    public List<String> statements() {
        return List.of(test.countSql(database.dialect()), test.sampleSql(database.dialect()));
    }

    @Override
    public Evaluation evaluate() {
        long failing = database.count(test.countSql(database.dialect()), parameters);
        List<String> sample = failing == 0
                ? List.of()
                : database.sample(
                        test.sampleSql(database.dialect()),
                        parameters,
                        (rs, n) -> test.describe(rs.getString("row_key"), rs.getString("tested_value")));
        String where = test.table() + "." + test.column() + " (" + database.role() + " database)";
        String message = (failing == 0
                        ? "No row of " + where + " fails"
                        : failing + " row" + (failing == 1 ? "" : "s") + " of " + where + " fail"
                                + (failing == 1 ? "s" : ""))
                + " the test (" + expectation + ").";
        return new Evaluation(threshold.judge(failing), (double) failing, threshold.describe(), sample, message);
    }
}
