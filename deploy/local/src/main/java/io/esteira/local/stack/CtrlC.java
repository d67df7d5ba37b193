package io.esteira.local.stack;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C as a request to finish: the JVM's shutdown waits (up to a limit) for the command to print
 * its summary and stop the services, instead of cutting it off mid-sentence.
 */
public final class CtrlC implements AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public CtrlC(long graceSeconds) {
        hook = new Thread(
                () -> {
                    requested.set(true);
                    try {
                        finished.await(graceSeconds, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "esteira-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public boolean requested() {
        return requested.get();
    }

    /** The command is done: let the JVM exit. */
    @Override
    public void close() {
        finished.countDown();
        if (!requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running; it has just been released.
            }
        }
    }
}
