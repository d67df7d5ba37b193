package io.esteira.local.bench;

/** Something the benchmark cannot work with; the message names it and what to do. */
public class BenchException extends RuntimeException {

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
