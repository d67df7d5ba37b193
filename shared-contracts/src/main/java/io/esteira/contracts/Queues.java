package io.esteira.contracts;

/** Names of the Artemis addresses, queues and message properties Esteira uses. */
public final class Queues {

    /** Prefix of the per-entity change queues: {@code dw.changes.<entity>}. */
    public static final String CHANGES_PREFIX = "dw.changes.";

    /** Where every service publishes {@code AlertEvent}s. */
    public static final String ALERTS = "dw.alerts";

    /** Prefix Artemis gives the dead-letter queue of an address: {@code DLQ.<address>}. */
    public static final String DLQ_PREFIX = "DLQ.";

    /** Artemis duplicate-detection property; a change batch carries its {@link ChangeBatch#batchId()} in it. */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";

    /** Message property holding why a message was dead-lettered (e.g. a {@link ContractViolationException} message). */
    public static final String ERROR_HEADER = "esteira_error";

    private Queues() {}

    /** The change queue of a catalog entity; the entity must be a plain identifier. */
    public static String changes(String entity) {
        return CHANGES_PREFIX + Identifiers.requirePlain(entity, "Entity");
    }

    public static String deadLetter(String queue) {
        return DLQ_PREFIX + queue;
    }
}
