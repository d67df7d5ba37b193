package io.esteira.quality.check;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The statement timeout of the check running on this thread. The runner sets it around
 * {@link Check#evaluate()}; {@link Database} gives it to each read-only transaction, so every
 * statement a check runs is cancelled by the driver once the timeout is spent.
 */
public final class StatementTimeout {

    /** PostgreSQL's "canceling statement due to statement timeout / user request". */
    private static final String POSTGRESQL_QUERY_CANCELED = "57014";

    private static final ThreadLocal<Duration> CURRENT = new ThreadLocal<>();

    private StatementTimeout() {}

    public static <T> T within(Duration timeout, Supplier<T> work) {
        Duration outer = CURRENT.get();
        CURRENT.set(timeout);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Whole seconds, at least 1, or Spring's "no timeout" outside {@link #within}. */
    static int seconds() {
        Duration timeout = CURRENT.get();
        if (timeout == null) {
            return TransactionDefinition.TIMEOUT_DEFAULT;
        }
        long seconds = (timeout.toMillis() + 999) / 1000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    /** Whether {@code e} says a statement was cancelled because its time ran out. */
    public static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryTimeoutException
                    || t instanceof TransactionTimedOutException
                    || t instanceof SQLTimeoutException
                    || (t instanceof SQLException sql && POSTGRESQL_QUERY_CANCELED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
