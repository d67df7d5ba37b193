package io.esteira.faults.infra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook receiver of the alerting service: records every body POSTed to {@code /alerts} and answers
 * 200. It can be taken down ({@link #stop()}: the port refuses connections) and brought back on the same
 * port ({@link #start()}), which is the "receiver is down" fault.
 */
public final class WebhookSink implements AutoCloseable {

    private final int port;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public WebhookSink() {
        this.port = ChildProcesses.freePort();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/alerts";
    }

    public synchronized WebhookSink start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " for webhooks", e);
        }
        server.createContext("/alerts", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Every body received so far. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** True when some notification received mentions {@code text}. */
    public boolean received(String text) {
        return bodies.stream().anyMatch(body -> body.contains(text));
    }

    @Override
    public void close() {
        stop();
    }
}
