package io.esteira.quality.repair;

import io.esteira.quality.dialect.QualityDialect;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Waits until the loader has applied every batch of a replay: {@code ctl.applied_batch} holds one row
 * per applied batch, with the replay id, written in the same transaction as the batch.
 */
public class ReplayDrain {

    /** Pauses between looks; {@link Thread#sleep} in production, a no-op or a clock in unit tests. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final String sql;
    private final Duration timeout;
    private final Duration pollInterval;
    private final Pause pause;

    public ReplayDrain(DataSource dw, QualityDialect dialect, Duration timeout, Duration pollInterval, Pause pause) {
        this.jdbc = new NamedParameterJdbcTemplate(dw);
        this.sql = dialect.sql("applied-batches");
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.pause = pause;
    }

    public Duration timeout() {
        return timeout;
    }

    /** How many batches of the replay the loader has applied so far. */
    public long applied(String replayId) {
        Long count = jdbc.queryForObject(sql, Map.of("replay", replayId), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * @return true once {@code batches} batches of {@code replayId} are applied, false when the timeout
     *     passes first
     */
    public boolean await(String replayId, int batches) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (applied(replayId) < batches) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                pause.pause(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
