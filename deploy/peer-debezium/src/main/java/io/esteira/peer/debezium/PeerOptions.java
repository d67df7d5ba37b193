package io.esteira.peer.debezium;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the peer runs against, from its command line ({@code --name value} pairs).
 *
 * @param sourceUrl the source's JDBC URL ({@code jdbc:postgresql://host:port/database}); its server must run
 *     with {@code wal_level = logical}
 * @param targetUrl the mirror's JDBC URL: the source tables are created there as the first changes arrive
 * @param tables the source tables to capture, {@code schema.table}
 * @param slot the replication slot and publication name (created at start, the slot dropped at a clean stop)
 * @param offsetFile where the engine keeps its offsets
 * @param batchSize the engine's largest batch, also the largest JDBC batch of the sink
 * @param pollMillis how long the engine waits for more changes before handing over a smaller batch
 */
public record PeerOptions(
        String sourceUrl,
        String sourceUser,
        String sourcePassword,
        String targetUrl,
        String targetUser,
        String targetPassword,
        List<String> tables,
        String slot,
        Path offsetFile,
        int batchSize,
        long pollMillis) {

    public PeerOptions {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("--tables names no table: give schema.table,schema.table,...");
        }
        if (!slot.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(
                    "--slot " + slot + " is not a replication slot name: use lower-case letters, digits and _");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size " + batchSize + " must be 1 or more");
        }
    }

    static PeerOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new PeerOptions(
                required(values, "source-url"),
                values.getOrDefault("source-user", "postgres"),
                values.getOrDefault("source-password", ""),
                required(values, "target-url"),
                values.getOrDefault("target-user", "postgres"),
                values.getOrDefault("target-password", ""),
                Arrays.stream(required(values, "tables").split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList(),
                values.getOrDefault("slot", "esteira_peer_debezium"),
                Path.of(required(values, "offset-file")),
                Integer.parseInt(values.getOrDefault("batch-size", "5000")),
                Long.parseLong(values.getOrDefault("poll-ms", "100")));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Host, port and database of the source, which Debezium's connector takes apart. */
    record Server(String host, int port, String database) {}

    Server sourceServer() {
        if (!sourceUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--source-url " + sourceUrl + " is not a jdbc:postgresql:// URL");
        }
        URI uri = URI.create(sourceUrl.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new IllegalArgumentException("--source-url " + sourceUrl + " names no host or database");
        }
        return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path);
    }
}
