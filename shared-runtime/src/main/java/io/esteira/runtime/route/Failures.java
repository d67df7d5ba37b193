package io.esteira.runtime.route;

import io.esteira.contracts.ContractViolationException;
import io.esteira.runtime.jdbc.ConnectionFailures;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.TypeConversionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failure means for the message or job it stopped, decided from explicit lists of exception
 * types and SQL states (the way Debezium's {@code ErrorHandler} does), for every service alike:
 *
 * <ul>
 *   <li>{@link Kind#FATAL}: the message itself is wrong, so no retry can ever help: dead-letter it now.
 *   <li>{@link Kind#RETRIABLE}: the environment failed (a lost connection, a deadlock, a lock or statement
 *       timeout, a server shutting down): it heals by itself, so retry without limit and never
 *       dead-letter for it — a warehouse outage must not fill the dead-letter queues.
 *   <li>{@link Kind#UNKNOWN}: anything else (a constraint the data breaks, a bug): retry a bounded number
 *       of times, then dead-letter with the reason.
 * </ul>
 *
 * Every exception of the cause chain counts: a fatal one anywhere makes the failure fatal, else a
 * retriable one makes it retriable. A database that cannot be reached ({@link ConnectionFailures}, one of
 * the retriable kinds, which callers that wait it out in place ask for alone) is retriable too when the
 * rollback after the lost connection failed as well.
 */
public final class Failures {

    public enum Kind {
        RETRIABLE,
        FATAL,
        UNKNOWN
    }

    /** The message can never be processed as it is. */
    public static final List<Class<? extends Throwable>> FATAL = List.of(
            ContractViolationException.class,
            InvalidPayloadException.class,
            TypeConversionException.class,
            com.fasterxml.jackson.core.JsonProcessingException.class);

    /** The environment failed; the same work succeeds once it is back. */
    public static final List<Class<? extends Throwable>> RETRIABLE = List.of(
            TransientDataAccessException.class,
            RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class,
            SQLTransientException.class,
            SQLRecoverableException.class,
            ConnectException.class,
            SocketTimeoutException.class,
            UnknownHostException.class);

    /**
     * SQL states (or their class, the first two characters) of a retriable {@link SQLException}, for the
     * drivers that raise a plain one (PostgreSQL's {@code PSQLException}): class 08 connection exception,
     * class 53 insufficient resources, 40001 serialization failure (SQL Server's deadlock too), 40P01
     * deadlock, 55P03 lock not available, 57014 statement canceled (a timeout), 57P01–57P03 the server
     * shutting down or starting. Not the rest of class 40: 40002 is a constraint broken at commit.
     */
    public static final Set<String> RETRIABLE_SQL_STATE_CLASSES = Set.of("08", "53");

    public static final Set<String> RETRIABLE_SQL_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    /** SQL Server error numbers of a retriable failure: 1205 deadlock victim, 1222 lock request timeout. */
    public static final Set<Integer> RETRIABLE_SQL_SERVER_ERRORS = Set.of(1205, 1222);

    private Failures() {}

    /** What {@code failure} means; null is {@link Kind#UNKNOWN}. */
    public static Kind classify(Throwable failure) {
        boolean retriable = false;
        int depth = 0;
        for (Throwable e = failure; e != null && depth < 32; e = e.getCause() == e ? null : e.getCause(), depth++) {
            if (isAny(e, FATAL)) {
                return Kind.FATAL;
            }
            retriable |= isAny(e, RETRIABLE) || retriableSql(e) || ConnectionFailures.isConnectionFailure(e);
        }
        return retriable ? Kind.RETRIABLE : Kind.UNKNOWN;
    }

    public static boolean isRetriable(Throwable failure) {
        return classify(failure) == Kind.RETRIABLE;
    }

    public static boolean isFatal(Throwable failure) {
        return classify(failure) == Kind.FATAL;
    }

    private static boolean isAny(Throwable e, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(e));
    }

    private static boolean retriableSql(Throwable e) {
        if (!(e instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null
                && (RETRIABLE_SQL_STATES.contains(state)
                        || (state.length() >= 2 && RETRIABLE_SQL_STATE_CLASSES.contains(state.substring(0, 2))))) {
            return true;
        }
        return sql.getClass().getName().startsWith("com.microsoft.sqlserver.")
                && RETRIABLE_SQL_SERVER_ERRORS.contains(sql.getErrorCode());
    }
}
