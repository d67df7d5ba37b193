package io.esteira.local.bench;

import io.esteira.embedded.EmbeddedBroker;
import io.esteira.embedded.net.FreePorts;
import io.esteira.local.stack.ServiceSpec;
import io.esteira.runtime.config.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Each service in its own JVM, started from its runnable jar as it would run in production (its own
 * heap, class loader, pools and threads), against the databases given and an Artemis broker in the
 * benchmark's JVM. Their peak resident memory is read from {@code /proc}, their heap and non-heap from
 * their open {@code /actuator/prometheus}, before they are stopped.
 * Each service's console goes to {@code <logs>/<service>.log}.
 */
final class ServiceProcesses implements ServiceHost {

    private static final Duration STOP = Duration.ofSeconds(30);

    private final EmbeddedBroker broker;
    private final Path brokerDirectory;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> serverPorts = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final Thread shutdownHook;

    private ServiceProcesses(EmbeddedBroker broker, Path brokerDirectory) {
        this.broker = broker;
        this.brokerDirectory = brokerDirectory;
        // Ctrl-C on the benchmark must not leave the service JVMs running.
        this.shutdownHook = new Thread(this::stopProcesses, "bench-stop-services");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Prepares each service's class data archive (a training run for each that has none: before any
     * service starts, so that none competes with the measured ones), starts the broker and the four JVMs,
     * and waits until each answers its health endpoint.
     *
     * @param properties Spring properties for every service (command-line arguments)
     * @param jvmOptions options of each service JVM (e.g. -Xmx256m)
     * @param classArchives where each service's class data archive is kept (ADR 23)
     */
    static ServiceProcesses start(
            ExecJars jars,
            Endpoint oltp,
            Endpoint dw,
            Map<String, String> properties,
            List<String> jvmOptions,
            ServiceClassArchives classArchives,
            Path logDirectory,
            Duration startTimeout,
            Consumer<String> status) {
        Map<ServiceSpec, ServiceClassArchives.Launch> launches = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            launches.put(service, classArchives.prepare(service.name(), jars.jar(service.name()), jvmOptions, status));
        }
        Path brokerDirectory;
        try {
            Files.createDirectories(logDirectory);
            brokerDirectory = Files.createTempDirectory("esteira-bench-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logDirectory + " or the broker's journal directory", e);
        }
        EmbeddedBroker broker = EmbeddedBroker.at(brokerDirectory, 0, EmbeddedBroker.Redelivery.defaults())
                .start();
        status.accept("Artemis broker (in the benchmark's JVM) on " + broker.url());
        ServiceProcesses services = new ServiceProcesses(broker, brokerDirectory);
        try {
            for (ServiceSpec service : ServiceSpec.ALL) {
                ServiceClassArchives.Launch launch = launches.get(service);
                services.launch(service, launch, oltp, dw, properties, logDirectory);
                status.accept("Started " + service.name() + " (pid "
                        + services.processes.get(service.name()).pid()
                        + ", " + jars.jar(service.name()).getFileName() + ", " + launch.summary() + ", log "
                        + services.logs.get(service.name()) + ")");
            }
            services.awaitHealthy(startTimeout, status);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private void launch(
            ServiceSpec service,
            ServiceClassArchives.Launch launch,
            Endpoint oltp,
            Endpoint dw,
            Map<String, String> properties,
            Path logDirectory) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(launch.arguments());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        if (service != ServiceSpec.LOADER) {
            command.add("--spring.flyway.enabled=false");
        }
        if (service == ServiceSpec.QUALITY && serverPorts.containsKey(ServiceSpec.EXTRACTOR.name())) {
            command.add("--esteira.quality.repair.extractor-url=http://127.0.0.1:"
                    + serverPorts.get(ServiceSpec.EXTRACTOR.name()));
        }
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        for (int i = 0; i < command.size(); i++) {
            command.set(i, command.get(i).replace("{service}", service.name()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        // Connection settings through the environment: passwords stay out of the process list.
        Map<String, String> environment = builder.environment();
        environment.put("ESTEIRA_OLTP_URL", oltp.url());
        environment.put("ESTEIRA_OLTP_USERNAME", oltp.username());
        environment.put("ESTEIRA_OLTP_PASSWORD", oltp.password());
        environment.put("ESTEIRA_DW_URL", dw.url());
        environment.put("ESTEIRA_DW_USERNAME", dw.username());
        environment.put("ESTEIRA_DW_PASSWORD", dw.password());
        environment.put("ESTEIRA_BROKER_URL", broker.url());
        // As the image sets it (Dockerfile): two glibc malloc arenas rather than up to 8 per core.
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        Path log = logDirectory.resolve(service.name() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            processes.put(service.name(), builder.start());
        } catch (IOException e) {
            throw new BenchException(
                    "Cannot start " + service.name() + " with " + launch.arguments() + ": " + e.getMessage()
                            + ". Check that the jar is readable and java runs.",
                    e);
        }
        serverPorts.put(service.name(), port);
        managementPorts.put(service.name(), managementPort);
        logs.put(service.name(), log);
    }

    private void awaitHealthy(Duration timeout, Consumer<String> status) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        for (String service : processes.keySet()) {
            URI health = URI.create("http://127.0.0.1:" + managementPorts.get(service) + "/actuator/health");
            while (true) {
                requireAlive();
                if (healthy(http, health)) {
                    status.accept(service + " is up (health on " + health + ")");
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new BenchException(service + " did not answer " + health + " within " + timeout.toSeconds()
                            + " s; see " + logs.get(service) + ", or raise --start-timeout.");
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    private static boolean healthy(HttpClient http, URI health) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while waiting for the services to start.", e);
        }
    }

    @Override
    public String mode() {
        return "processes";
    }

    @Override
    public EmbeddedBroker broker() {
        return broker;
    }

    @Override
    public List<URI> prometheusEndpoints() {
        return managementPorts.values().stream()
                .map(ServiceProcesses::prometheus)
                .toList();
    }

    private static URI prometheus(int managementPort) {
        return URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus");
    }

    @Override
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((service, process) -> pids.put(service, process.pid()));
        return pids;
    }

    @Override
    public Map<String, OptionalLong> peakRssKb() {
        Map<String, OptionalLong> peaks = new LinkedHashMap<>();
        processes.forEach((service, process) -> peaks.put(service, ProcessMemory.peakKb(process.pid())));
        return peaks;
    }

    @Override
    public Map<String, Optional<JvmMemory>> jvmMemory() {
        Map<String, Optional<JvmMemory>> memory = new LinkedHashMap<>();
        managementPorts.forEach((service, port) -> memory.put(service, JvmMemory.read(prometheus(port))));
        return memory;
    }

    @Override
    public void requireAlive() {
        processes.forEach((service, process) -> {
            if (!process.isAlive()) {
                throw new BenchException(service + " (pid " + process.pid() + ") exited with code "
                        + process.exitValue() + "; see " + logs.get(service) + ", which ends with:\n"
                        + logTail(logs.get(service), LOG_TAIL_LINES));
            }
        });
    }

    /**
     * Lines of a service's log that a failure quotes: why a service stopped (a port taken, a database that
     * refused the connection) is in its last lines, and the log itself may be in a temporary folder that is
     * gone when a test's report is read.
     */
    static final int LOG_TAIL_LINES = 20;

    /** The last {@code lines} lines of a log, each cut at 500 characters; what went wrong reading it, if it could not be read. */
    static String logTail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(line -> line.length() > 500 ? line.substring(0, 500) + " …" : line)
                    .map(line -> "  " + line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "  (the log could not be read: " + e + ")";
        }
    }

    /** Stops the JVMs (SIGTERM, then SIGKILL after 30 s), stops the broker and deletes its journal. */
    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
        broker.stop();
        deleteRecursively(brokerDirectory);
    }

    private synchronized void stopProcesses() {
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            processes.get(name).destroy();
        }
        for (String name : names) {
            Process process = processes.get(name);
            try {
                if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A journal left in the temporary directory is harmless.
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while waiting for the services to start.", e);
        }
    }
}
