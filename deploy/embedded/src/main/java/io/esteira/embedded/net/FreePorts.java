package io.esteira.embedded.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for a listener that another process binds later: a service JVM started with
 * {@code --server.port=N}, a broker child, a webhook sink.
 *
 * <p>A port found by binding port 0 and closing the socket comes from the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}, 32768–60999 by default), the range every outgoing connection's
 * local port is drawn from too. Between the pick and the child's bind (seconds, while a JVM starts) the
 * other services open database and broker connections, and one of them can take the port: CI saw
 * "Port 41627 was already in use" from a bench service that started last. So the ports given here lie
 * outside the ephemeral range (above it, where the broker's convention of 61616 and up also holds; below
 * it when the range leaves too little room above), where the kernel never assigns an outgoing connection.
 * Each candidate is bound once on every interface before it is given out, and candidates are taken in
 * turn from a random start, so two callers of one JVM never get the same port and two JVMs rarely do.
 */
public final class FreePorts {

    /** The lowest port handed out above the ephemeral range: the broker convention's 61616 and up. */
    static final int ABOVE_FROM = 61_700;

    /** The lowest port handed out below the ephemeral range, when there is no room above it. */
    static final int BELOW_FROM = 20_000;

    private static final int HIGHEST = 65_535;

    /** Fewer free candidates above the ephemeral range than this: use the range below it. */
    private static final int MIN_CANDIDATES = 1_000;

    private static final Range RANGE = Range.outside(ephemeralRange());
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(RANGE.size()));

    private FreePorts() {}

    /**
     * A port outside the kernel's ephemeral range that nothing listens on now, on any interface.
     *
     * @throws UncheckedIOException when every candidate is taken
     */
    public static int next() {
        return next(RANGE, NEXT);
    }

    /** The first bindable port of {@code range} from {@code cursor} on, moving the cursor past it. */
    static int next(Range range, AtomicInteger cursor) {
        for (int tried = 0; tried < range.size(); tried++) {
            int port = range.port(Math.floorMod(cursor.getAndIncrement(), range.size()));
            if (bindable(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("Every port from " + range.low() + " to " + range.high()
                + " is in use; stop what listens there, or widen the room outside net.ipv4.ip_local_port_range."));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** {low, high} of the ephemeral range; Linux's default where the kernel does not say. */
    static int[] ephemeralRange() {
        Path file = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            String[] bounds =
                    Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }

    /** Ports {@code low}–{@code high}, both included. */
    record Range(int low, int high) {

        /** The ports outside {@code ephemeral} ({low, high}) that {@link #next()} draws from. */
        static Range outside(int[] ephemeral) {
            int low = Math.max(ABOVE_FROM, ephemeral[1] + 1);
            if (HIGHEST - low + 1 >= MIN_CANDIDATES) {
                return new Range(low, HIGHEST);
            }
            return new Range(BELOW_FROM, Math.max(BELOW_FROM + MIN_CANDIDATES, ephemeral[0]) - 1);
        }

        int size() {
            return high - low + 1;
        }

        int port(int index) {
            return low + index;
        }
    }
}
