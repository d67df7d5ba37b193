package io.esteira.extractor.replay;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDateTime;

/**
 * A window to re-extract: the whole entity (no bounds), a range of change order
 * ({@code fromVersion}/{@code fromKey} exclusive, {@code toVersion}/{@code toKey} inclusive), or a time
 * window {@code [from, to)} on one of the entity's timestamp columns ({@code column}, UTC).
 */
public record ReplayRequest(
        @NotBlank String entity,
        Long fromVersion,
        Long fromKey,
        Long toVersion,
        Long toKey,
        String column,
        LocalDateTime from,
        LocalDateTime to,
        Integer batchSize) {}
