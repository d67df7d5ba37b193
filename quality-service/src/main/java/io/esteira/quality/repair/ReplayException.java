package io.esteira.quality.repair;

/** A replay the extractor refused or could not be asked for. */
public class ReplayException extends RuntimeException {

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
