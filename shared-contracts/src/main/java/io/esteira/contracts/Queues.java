package io.esteira.contracts;

/** Names of the Artemis addresses and queues Esteira uses. */
public final class Queues {

    /** Prefix of the per-entity change queues: {@code dw.changes.<entity>}. */
    public static final String CHANGES_PREFIX = "dw.changes.";

    /** Where every service publishes {@code AlertEvent}s. */
    public static final String ALERTS = "dw.alerts";

    /** Prefix Artemis gives the dead-letter queue of an address: {@code DLQ.<address>}. */
    public static final String DLQ_PREFIX = "DLQ.";

    private Queues() {}

    public static String changes(String entity) {
        return CHANGES_PREFIX + entity;
    }

    public static String deadLetter(String queue) {
        return DLQ_PREFIX + queue;
    }
}
