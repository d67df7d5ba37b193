package io.esteira.loader.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a warehouse that does not answer (a restart, a failover, a network cut), on the thread of the
 * batch that met it: the batch stays unacknowledged meanwhile and is applied again once the DW answers
 * ({@link BatchHandler}), so no healthy batch is moved to a dead-letter queue because the server was away
 * and no later batch overtakes it. The pool (Hikari) makes the new connections itself.
 */
public class WarehouseOutage {

    private static final Logger log = LoggerFactory.getLogger(WarehouseOutage.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final DataSource dw;
    private final Duration maxWait;
    private final Clock clock;

    /** @param maxWait how long one batch waits at most before it is rolled back for redelivery anyway */
    public WarehouseOutage(DataSource dw, Duration maxWait, Clock clock) {
        this.dw = dw;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * Returns once a connection to the DW is valid again, or after the longest wait.
     *
     * @return whether the DW answers
     */
    public boolean awaitAnswer(String entity) {
        Instant started = clock.instant();
        Instant giveUp = started.plus(maxWait);
        while (!answers()) {
            if (!clock.instant().isBefore(giveUp)) {
                log.warn(
                        "The warehouse still does not answer after {}; the batch of {} goes back to its queue"
                                + " for redelivery (docs/runbook.md#a-database-restarts)",
                        maxWait,
                        entity);
                return false;
            }
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        log.info(
                "The warehouse answers again after {} ms; the batch of {} is applied again",
                Duration.between(started, clock.instant()).toMillis(),
                entity);
        return true;
    }

    private boolean answers() {
        try (Connection connection = dw.getConnection()) {
            return connection.isValid((int) CHECK_EVERY.toSeconds() + 1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
