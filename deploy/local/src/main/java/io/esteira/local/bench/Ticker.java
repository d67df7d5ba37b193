package io.esteira.local.bench;

import java.time.Duration;

/** Says when the next progress line is due. */
final class Ticker {

    private final long everyNanos;
    private long next;

    Ticker(Duration every) {
        this.everyNanos = every.toNanos();
        this.next = System.nanoTime() + everyNanos;
    }

    boolean due() {
        long now = System.nanoTime();
        if (now - next < 0) {
            return false;
        }
        next = now + everyNanos;
        return true;
    }
}
