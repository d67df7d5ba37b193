package io.esteira.oltp;

/** A failure of the OLTP tools whose message says what is at fault and what to do. */
public class OltpException extends RuntimeException {

    public OltpException(String message) {
        super(message);
    }

    public OltpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A cause's message to quote inside a sentence: without its final period. */
    public static String quote(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).strip();
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message;
    }
}
