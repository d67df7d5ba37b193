package io.esteira.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replay}: the CLI form of the extractor's window replay ({@code POST /api/replay}). */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Asks a running extractor to re-extract one entity — whole, between two change-order cursors, or in a"
                    + " time window on one of its columns — published as ordinary batches marked replay. The live"
                    + " watermark does not move; the loader's version rule makes a replay safe at any time.",
            "Example: replay --entity orders --column order_date --from 2026-11-01T00:00:00 --to 2026-11-02T00:00:00"
        })
class ReplayCommand implements Callable<Integer> {

    @Option(
            names = "--extractor",
            defaultValue = "http://127.0.0.1:8081",
            description = "The extractor's base URL; default ${DEFAULT-VALUE}.")
    String extractor;

    @Option(names = "--entity", required = true, description = "Catalog entity, e.g. orders.")
    String entity;

    @Option(names = "--column", description = "Timestamp column of the entity for a time window, e.g. order_date.")
    String column;

    @Option(names = "--from", description = "Window start (UTC, inclusive), e.g. 2026-11-01T00:00:00.")
    String from;

    @Option(names = "--to", description = "Window end (UTC, exclusive).")
    String to;

    @Option(names = "--from-version", description = "Change-order cursor to start after (version).")
    Long fromVersion;

    @Option(names = "--to-version", description = "Change-order cursor to end at (version, inclusive).")
    Long toVersion;

    @Option(
            names = {"--username", "-u"},
            defaultValue = "${env:ESTEIRA_SECURITY_USERNAME:-operator}",
            description = "Operator login; default $ESTEIRA_SECURITY_USERNAME or operator.")
    String username;

    @Option(
            names = {"--password", "-p"},
            defaultValue = "${env:ESTEIRA_SECURITY_PASSWORD}",
            description = "Operator password; default $ESTEIRA_SECURITY_PASSWORD.")
    String password;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("entity", entity);
        put(request, "column", column);
        put(request, "from", from);
        put(request, "to", to);
        put(request, "fromVersion", fromVersion);
        put(request, "toVersion", toVersion);
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(request);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(extractor.replaceAll("/+$", "") + "/api/replay"))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (password != null && !password.isEmpty()) {
            http.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(http.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.err.println("replay: the extractor at " + extractor + " does not answer (" + e.getMessage()
                    + "); check --extractor.");
            return 1;
        }
        if (response.statusCode() == 401) {
            System.err.println("replay: the extractor refused the login; pass --username/--password (or set"
                    + " ESTEIRA_SECURITY_PASSWORD).");
            return 1;
        }
        if (response.statusCode() / 100 != 2) {
            System.err.println("replay: the extractor answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        System.out.println(response.body());
        return 0;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
