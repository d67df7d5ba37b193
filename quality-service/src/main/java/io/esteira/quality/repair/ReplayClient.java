package io.esteira.quality.repair;

import io.esteira.quality.config.QualityProperties.ReplayTarget;
import java.time.LocalDateTime;

/** Asks the extractor to re-extract a window of an entity. */
public interface ReplayClient {

    /**
     * Re-extracts the rows of {@code target.entity()} whose {@code target.column()} falls in
     * {@code [from, to)} (UTC).
     *
     * @throws ReplayException when the extractor refuses or cannot be reached
     */
    ReplayReceipt replay(ReplayTarget target, LocalDateTime from, LocalDateTime to);
}
