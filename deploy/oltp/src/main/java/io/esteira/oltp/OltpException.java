package io.esteira.oltp;

/** A failure of the OLTP tools whose message says what is at fault and what to do. */
public class OltpException extends RuntimeException {

    public OltpException(String message) {
        super(message);
    }

    public OltpException(String message, Throwable cause) {
        super(message, cause);
    }
}
