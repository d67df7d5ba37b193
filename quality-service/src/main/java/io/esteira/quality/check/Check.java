package io.esteira.quality.check;

import java.util.List;

/**
 * One configured data-quality check, ready to run: its identifiers were resolved against the database
 * catalogs and its statements prepared at start-up. Implementations are plain classes (one per
 * {@link CheckKind}), tested without Camel.
 */
public interface Check {

    CheckDefinition definition();

    /**
     * Measures once and judges the measurement.
     *
     * @throws RuntimeException when the check cannot run (a query fails); the runner reports it as
     *     {@code error}
     */
    Evaluation evaluate();

    /**
     * The entities the check judges one by one (its {@link Evaluation#entities()}): each alerts on its own,
     * labelled with its entity. Empty (the default) for a check judged as a whole.
     */
    default List<String> entities() {
        return List.of();
    }

    default String id() {
        return definition().id();
    }

    default CheckKind kind() {
        return definition().kind();
    }
}
