package io.esteira.quality.run;

/** A check id that no enabled check has. */
public class UnknownCheckException extends RuntimeException {

    public UnknownCheckException(String id) {
        super("No enabled check has id '" + id + "'; GET /api/checks lists them.");
    }
}
