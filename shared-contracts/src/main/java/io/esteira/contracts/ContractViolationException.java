package io.esteira.contracts;

/**
 * A message does not satisfy its contract: it is not JSON, is too large or too deep, has an unknown
 * {@code schema}, or fails its JSON Schema. Not retriable: the message should go to its dead-letter
 * queue with {@link #getMessage()} in the {@link Queues#ERROR_HEADER} header.
 */
public class ContractViolationException extends RuntimeException {

    /** {@link #field()} of a problem with the document as a whole. */
    public static final String ROOT = "$";

    private final String field;

    public ContractViolationException(String field, String message) {
        this(field, message, null);
    }

    public ContractViolationException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field == null || field.isEmpty() ? ROOT : field;
    }

    /**
     * Where the problem is, as a path into the document: {@code rows[3].version}, {@code watermark.to},
     * or {@code $} for the document as a whole.
     */
    public String field() {
        return field;
    }
}
