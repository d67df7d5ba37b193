package io.esteira.embedded.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of a database or the broker, with the faults a bad network
 * gives: {@link #cut()} resets every connection, {@link #latency(Duration)} delays every byte each way,
 * {@link #stall()} black-holes connections (accepted and kept open, nothing forwarded, no close, no
 * reset: a half-open connection, as a dropped firewall or NAT entry leaves it).
 *
 * <p>{@link #release()} ends a stall for the peer behind the proxy only: the server side of every stalled
 * connection is closed (the server's own keep-alive or idle timeout would find it dead), new connections
 * are forwarded again, and the service's side of a stalled connection stays silent for ever. Only the
 * service's own timeouts can free a thread that waits on one.
 *
 * <p>Each connection uses four threads (a reader and a writer per direction) so that latency delays the
 * bytes without slowing the stream down: a chunk is written {@code latency} after it was read.
 */
public final class TcpProxy implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final String name;
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long latencyNanos;
    private volatile boolean stalling;
    private volatile boolean closed;

    private TcpProxy(String name, InetSocketAddress target) throws IOException {
        this.name = name;
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptUntilClosed, "proxy-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to {@code host:port}, listening on a free port of 127.0.0.1. */
    public static TcpProxy start(String name, String host, int port) {
        try {
            return new TcpProxy(name, new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the " + name + " proxy on a free loopback port", e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections open now (stalled ones included). */
    public int open() {
        return links.size();
    }

    /**
     * Resets every open connection at once, both ways (RST, as a restarted router or firewall does); new
     * connections are forwarded.
     *
     * @return how many were reset
     */
    public int cut() {
        int count = 0;
        for (Link link : links) {
            link.reset();
            count++;
        }
        return count;
    }

    /** Delays every chunk by {@code latency} in each direction, from now on ({@link Duration#ZERO} ends it). */
    public void latency(Duration latency) {
        latencyNanos = latency.toNanos();
    }

    /**
     * Black-holes every open connection and every one accepted until {@link #release()}: bytes are read and
     * dropped, nothing is forwarded, nothing is closed.
     *
     * @return how many open connections were stalled
     */
    public int stall() {
        stalling = true;
        int count = 0;
        for (Link link : links) {
            link.stalled = true;
            count++;
        }
        return count;
    }

    /**
     * Forwards new connections again and closes the server side of the stalled ones; their service side
     * stays open and silent.
     */
    public void release() {
        stalling = false;
        for (Link link : links) {
            if (link.stalled) {
                link.closeServerSide();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        quietly(listener);
        for (Link link : links) {
            link.reset();
        }
    }

    private void acceptUntilClosed() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            try {
                Link link = new Link(client);
                links.add(link);
                link.start();
            } catch (IOException e) {
                // The target refused: so does the proxy.
                reset(client);
            }
        }
    }

    /** One proxied connection: service side {@code client}, target side {@code server} (none when stalled). */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private volatile boolean stalled;

        Link(Socket client) throws IOException {
            this.client = client;
            this.stalled = stalling;
            if (stalled) {
                this.server = null;
            } else {
                this.server = new Socket();
                server.connect(target, 5_000);
                server.setTcpNoDelay(true);
            }
            client.setTcpNoDelay(true);
        }

        void start() throws IOException {
            pipe("up", client.getInputStream(), server == null ? null : server.getOutputStream(), true);
            if (server != null) {
                pipe("down", server.getInputStream(), client.getOutputStream(), false);
            }
        }

        private void pipe(String direction, InputStream from, OutputStream to, boolean fromClient) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            daemon(direction + "-read", () -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    for (int n; (n = from.read(buffer)) >= 0; ) {
                        queue.add(new Chunk(System.nanoTime() + latencyNanos, Arrays.copyOf(buffer, n)));
                    }
                } catch (IOException e) {
                    // Closed or reset: handled as the end of the stream.
                }
                if (to == null) {
                    // Stalled from the start, never connected: the service gave up on it.
                    closeAll();
                } else if (fromClient || !stalled) {
                    queue.add(new Chunk(0, END));
                }
            });
            if (to == null) {
                return;
            }
            daemon(direction + "-write", () -> {
                try {
                    while (true) {
                        Chunk chunk = queue.take();
                        if (chunk.bytes == END) {
                            if (!stalled || fromClient) {
                                // The service closed its side (or the link ended unstalled): end the link.
                                closeAll();
                            }
                            return;
                        }
                        long wait = chunk.due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (!stalled) {
                            to.write(chunk.bytes);
                            to.flush();
                        }
                    }
                } catch (IOException e) {
                    if (!stalled) {
                        closeAll();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        private void daemon(String role, Runnable work) {
            Thread thread = new Thread(work, "proxy-" + name + "-" + role);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        void closeServerSide() {
            if (server != null) {
                quietly(server);
            }
        }

        void closeAll() {
            links.remove(this);
            quietly(client);
            if (server != null) {
                quietly(server);
            }
            stopThreads();
        }

        void reset() {
            links.remove(this);
            TcpProxy.reset(client);
            if (server != null) {
                TcpProxy.reset(server);
            }
            stopThreads();
        }

        /** Writers wait on their queue, not on a socket: closing the sockets alone would leave them waiting. */
        private void stopThreads() {
            for (Thread thread : threads) {
                if (thread != Thread.currentThread()) {
                    thread.interrupt();
                }
            }
        }
    }

    private record Chunk(long due, byte[] bytes) {}

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed.
        }
        quietly(socket);
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is left to do.
        }
    }
}
