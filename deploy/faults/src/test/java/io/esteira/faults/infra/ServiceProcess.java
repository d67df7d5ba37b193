package io.esteira.faults.infra;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One Esteira service as it runs in production: {@code java -jar <service>-exec.jar}, its own process,
 * settings from the environment (credentials) and the command line, API on {@link #port()} and actuator
 * on {@link #managementPort()}. {@link #start()} returns once the readiness probe answers 200.
 */
public final class ServiceProcess {

    /** Small heap and quick start-up: the suite runs five JVMs on two cores. */
    static final List<String> JVM_OPTIONS =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final ChildProcess process;
    private Instant readyAt;

    public ServiceProcess(
            String name,
            Path jar,
            Path logs,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment) {
        this.name = name;
        this.port = ChildProcesses.freePort();
        this.managementPort = ChildProcesses.freePort();
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.java());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        command.addAll(arguments);
        this.process = new ChildProcess(name, logs, command, environment);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public ChildProcess process() {
        return process;
    }

    /** When the last start became ready. */
    public Instant readyAt() {
        return readyAt;
    }

    /** Starts the service and waits (at most 3 minutes) until its readiness probe says UP. */
    public ServiceProcess start() {
        process.launch();
        awaitReady(Duration.ofMinutes(3));
        return this;
    }

    /** Waits until the readiness probe answers 200; fails at once, with the log, if the process died. */
    public void awaitReady(Duration timeout) {
        await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with code " + process.exitCode()
                                + " before it was ready; its log ends:\n" + process.tail(60));
                    }
                    return isReady();
                });
        readyAt = Instant.now();
    }

    public boolean isReady() {
        return get(managementPort, "/actuator/health/readiness", null) == 200;
    }

    /** kill -9. */
    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Status code of a GET, with HTTP basic when {@code credentials} ("user:password") is given; -1 when refused. */
    public static int get(int port, String path, String credentials) {
        return request(port, path, "GET", credentials).statusCode();
    }

    /** A request to 127.0.0.1:{@code port}; status -1 when the connection fails. */
    public static Response request(int port, String path, String method, String credentials) {
        return request(port, path, method, credentials, null);
    }

    /** A request with a JSON body ({@code null}: none) to 127.0.0.1:{@code port}; status -1 when the connection fails. */
    public static Response request(int port, String path, String method, String credentials, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted");
        }
    }

    /** An HTTP answer. */
    public record Response(int statusCode, String body) {}
}
