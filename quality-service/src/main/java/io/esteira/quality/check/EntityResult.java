package io.esteira.quality.check;

import io.esteira.contracts.QualityResult.Status;

/**
 * The judgement of one entity by a check that judges its entities one by one (freshness): each entity
 * alerts on its own, with its own fingerprint and the label {@code entity}, and is stored in
 * {@code audit.dq_result_entity}.
 *
 * @param entity the catalog entity, e.g. {@code orders}
 * @param status pass, warn or fail
 * @param value what was measured for the entity (freshness: its lag in seconds)
 * @param message one line that says what was found for it, without the entity's name
 */
public record EntityResult(String entity, Status status, Double value, String message) {

    public EntityResult {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("An entity result needs the entity's name.");
        }
        if (status == Status.error) {
            throw new IllegalArgumentException(
                    "An entity result is pass, warn or fail; a check that could not run is an error as a whole.");
        }
        message = message == null ? "" : message;
    }
}
