package io.esteira.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.SqlDialect;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code demo} stages once the initial load is in the warehouse, so that a newcomer sees the alert
 * path end to end: one incident of each kind, one after the other, each notified when it fires and when
 * it resolves (on the {@link AlertSink} page and in the summary).
 *
 * <ol>
 *   <li><b>A poison batch.</b> The DW gets a constraint the OLTP does not have (region names of at most 40
 *       characters, on the loader's mirror {@code stg.regions}), and a region is renamed in the OLTP to a
 *       longer name. The loader cannot land the batch, retries it {@code esteira.loader.max-attempts}
 *       times and moves it to {@code DLQ.dw.changes.regions} (alert {@code dlq}, critical). The constraint
 *       is dropped, as the fix, and the batch is replayed through the loader's {@code POST /api/dlq/replay}
 *       (a dry run first, as the runbook says); the loader applies it and resolves the alert.
 *   <li><b>A rule violation.</b> An order item gets a negative discount in the OLTP. It reaches
 *       {@code fact.fact_vendas}, where the shipped check {@code rule-valores-vendas} (critical) fails when
 *       run ({@code POST /api/checks/{id}/run}, as an operator would rather than waiting for its hourly
 *       schedule). The discount is corrected in the OLTP; once that reached the DW the check passes again
 *       and the alert resolves.
 * </ol>
 *
 * Each step waits for what it caused (the DLQ entry, the row in the DW, the notification at the sink) up to
 * {@link #PATIENCE}, and says what it saw; an incident that does not come about says what is missing and
 * leaves the DW as it found it, and the next one is staged all the same.
 */
public final class IncidentStager {

    /** How long after the initial load the first incident is staged, and the pause between the two. */
    public static final Duration PAUSE = Duration.ofSeconds(10);

    /** The longest wait for one step of an incident (a DLQ entry, a row in the DW, a notification). */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    /** The longest wait for the initial load. */
    static final Duration INITIAL_LOAD_PATIENCE = Duration.ofMinutes(30);

    static final String CONSTRAINT = "ck_demo_region_name_length";
    static final int NAME_LIMIT = 40;
    static final String RULE = "rule-valores-vendas";
    static final BigDecimal NEGATIVE_DISCOUNT = new BigDecimal("-5.00");

    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What came of one incident.
     *
     * @param fired its alert was notified as firing
     * @param resolved its alert was notified as resolved
     * @param outcome one line: what happened, or what did not and why
     */
    public record Incident(String name, boolean fired, boolean resolved, String outcome) {}

    private final LocalStack stack;
    private final AlertSink sink;
    private final String authorization;
    private final Consumer<String> say;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JdbcTemplate oltp;
    private final JdbcTemplate dw;

    /**
     * @param username the operator login of the services' {@code /api/**}
     * @param say where progress lines go (e.g. {@link StackRunner#note})
     */
    public IncidentStager(LocalStack stack, AlertSink sink, String username, String password, Consumer<String> say) {
        this.stack = stack;
        this.sink = sink;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.say = say;
        this.oltp = new JdbcTemplate(stack.oltp());
        this.dw = new JdbcTemplate(stack.dw());
    }

    /** A step that did not come about within its patience, or an answer that was not the expected one. */
    static final class StagingException extends RuntimeException {
        StagingException(String message) {
            super(message);
        }
    }

    /**
     * Waits for the initial load, then stages both incidents, one after the other.
     *
     * @param stop true when the run is being stopped (Ctrl-C): staging ends at the next wait
     * @return what came of each incident, in order (fewer when stopped)
     */
    public List<Incident> run(BooleanSupplier stop) throws InterruptedException {
        List<Incident> incidents = new ArrayList<>();
        long baseRows = oltpRows();
        try {
            await("the initial load (" + baseRows + " OLTP rows applied)", INITIAL_LOAD_PATIENCE, stop, () -> {
                StackStatus status = StackStatus.read(stack);
                return status.totalApplied() >= baseRows && status.queued() == 0;
            });
        } catch (StagingException e) {
            say.accept("incidents: not staged: " + e.getMessage());
            return incidents;
        }
        say.accept("incidents: the initial load is in the warehouse; the first of two incidents follows in "
                + PAUSE.toSeconds() + " s (watch " + sink.pageUrl() + ")");
        pause(stop);
        incidents.add(stage("poison batch", "incident 1/2", stop, this::poisonBatch));
        pause(stop);
        incidents.add(stage("rule violation", "incident 2/2", stop, this::ruleViolation));
        return incidents;
    }

    private interface Staging {
        Incident run(String prefix, BooleanSupplier stop) throws InterruptedException;
    }

    private Incident stage(String name, String prefix, BooleanSupplier stop, Staging staging)
            throws InterruptedException {
        try {
            Incident incident = staging.run(prefix, stop);
            say.accept(prefix + ": " + incident.outcome());
            return incident;
        } catch (StagingException | DataAccessException e) {
            String outcome = "did not complete: " + e.getMessage() + " (the services' log: esteira-local.log)";
            say.accept(prefix + ": " + name + " " + outcome);
            return new Incident(name, false, false, outcome);
        }
    }

    // ---------------------------------------------------------------- incident 1: a poison batch

    private Incident poisonBatch(String prefix, BooleanSupplier stop) throws InterruptedException {
        long regionId =
                oltp.queryForObject("SELECT MIN(region_id) FROM core.regions WHERE deleted_at IS NULL", Long.class);
        String oldName =
                oltp.queryForObject("SELECT name FROM core.regions WHERE region_id = ?", String.class, regionId);
        // Longer than the DW's new limit whatever the old name (the suffix alone is), and within the OLTP's 100.
        String newName = (oldName.length() > 50 ? oldName.substring(0, 50) : oldName)
                + " e interior, area de atendimento ampliada";
        say.accept(prefix + ": poison batch: the DW now refuses region names over " + NAME_LIMIT
                + " characters (a CHECK constraint on stg.regions that the OLTP does not have); region " + regionId
                + " is renamed in the OLTP to \"" + newName + "\" (" + newName.length() + " characters)");
        dw.execute("ALTER TABLE stg.regions ADD CONSTRAINT " + CONSTRAINT + " CHECK (char_length(name) <= " + NAME_LIMIT
                + ") NOT VALID");
        try {
            oltp.update("UPDATE core.regions SET name = ? WHERE region_id = ?", newName, regionId);
            JsonNode entry = await(
                    "the batch in " + Queues.deadLetter(Queues.changes("regions")),
                    PATIENCE,
                    stop,
                    () -> deadLetters().stream()
                            .filter(e -> e.path("reason").asText().contains(CONSTRAINT))
                            .findFirst()
                            .orElse(null));
            String batchId = entry.path("batchId").asText();
            // The reason names the batch, the attempts and the constraint.
            say.accept(prefix + ": poison batch in " + Queues.deadLetter(Queues.changes("regions")) + ": "
                    + cut(entry.path("reason").asText(), 320));
            await("the firing notification of the DLQ alert", PATIENCE, stop, () -> notified("dlq", "firing", batchId));
            say.accept(prefix + ": alert fired (dlq, critical): notified to the sink by webhook and email");

            dw.execute("ALTER TABLE stg.regions DROP CONSTRAINT " + CONSTRAINT);
            String filter = "entity=regions&messageId="
                    + URLEncoder.encode(entry.path("messageId").asText(), StandardCharsets.UTF_8);
            int wouldMove = replay(filter, true);
            int moved = replay(filter, false);
            if (moved != 1) {
                throw new StagingException("POST /api/dlq/replay moved " + moved + " batches (dry run: " + wouldMove
                        + "), not the one poison batch");
            }
            say.accept(prefix + ": the fix: constraint dropped; poison batch " + batchId
                    + " replayed through POST /api/dlq/replay (dry run: " + wouldMove + " to move; then " + moved
                    + " moved)");
            await(
                    "the renamed region in dim.dim_regiao",
                    PATIENCE,
                    stop,
                    () -> count(
                                    "SELECT COUNT(*) FROM dim.dim_regiao WHERE regiao_id = ? AND nome = ?",
                                    regionId,
                                    newName)
                            == 1);
            await(
                    "the resolved notification of the DLQ alert",
                    PATIENCE,
                    stop,
                    () -> notified("dlq", "resolved", batchId));
            return new Incident(
                    "poison batch",
                    true,
                    true,
                    "poison batch " + batchId + " replayed and applied (dim_regiao has the new name); alert resolved");
        } finally {
            dw.execute("ALTER TABLE stg.regions DROP CONSTRAINT IF EXISTS " + CONSTRAINT);
        }
    }

    private List<JsonNode> deadLetters() throws InterruptedException {
        JsonNode list = api("loader-service", "GET", "/api/dlq?entity=regions");
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entries::add);
        return entries;
    }

    /** @return how many batches the replay moved (or, in a dry run, would move) */
    private int replay(String filter, boolean dryRun) throws InterruptedException {
        JsonNode report = api("loader-service", "POST", "/api/dlq/replay?" + filter + "&dryRun=" + dryRun);
        return report.path("messages").size();
    }

    // ---------------------------------------------------------------- incident 2: a rule violation

    private Incident ruleViolation(String prefix, BooleanSupplier stop) throws InterruptedException {
        JsonNode before = runCheck();
        if (!before.path("status").asText().equals("pass")) {
            throw new StagingException(RULE + " does not pass before the incident ("
                    + before.path("status").asText() + ": "
                    + cut(before.path("message").asText()) + ")");
        }
        Map<String, Object> item = oltp.queryForMap("SELECT i.order_item_id, i.discount_amount FROM core.order_items i"
                + " JOIN core.orders o ON o.order_id = i.order_id"
                + " WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL AND o.status = 'delivered'"
                + " ORDER BY i.order_item_id LIMIT 1");
        long itemId = ((Number) item.get("order_item_id")).longValue();
        BigDecimal discount = (BigDecimal) item.get("discount_amount");
        say.accept(prefix + ": rule violation: order item " + itemId + " gets a negative discount (" + NEGATIVE_DISCOUNT
                + ", was " + discount + ") in the OLTP, which the data contract forbids");
        oltp.update(
                "UPDATE core.order_items SET discount_amount = ? WHERE order_item_id = ?", NEGATIVE_DISCOUNT, itemId);
        try {
            awaitDiscount(itemId, NEGATIVE_DISCOUNT, stop);
            JsonNode failed = runCheck();
            if (!failed.path("status").asText().equals("fail")) {
                throw new StagingException(RULE + " answered "
                        + failed.path("status").asText() + " with the negative discount in the DW, not fail: "
                        + cut(failed.path("message").asText()));
            }
            say.accept(prefix + ": quality check " + RULE + " fails (run through POST /api/checks/" + RULE + "/run): "
                    + cut(failed.path("message").asText()));
            await("the firing notification of " + RULE, PATIENCE, stop, () -> notified("quality", "firing", RULE));
            say.accept(prefix + ": alert fired (quality, critical): notified to the sink by webhook and email");
        } finally {
            oltp.update("UPDATE core.order_items SET discount_amount = ? WHERE order_item_id = ?", discount, itemId);
        }
        say.accept(prefix + ": the fix: order item " + itemId + "'s discount is back to " + discount + " in the OLTP");
        awaitDiscount(itemId, discount, stop);
        JsonNode after = runCheck();
        if (!after.path("status").asText().equals("pass")) {
            throw new StagingException(
                    RULE + " answered " + after.path("status").asText() + " once the discount was corrected: "
                            + cut(after.path("message").asText()));
        }
        await("the resolved notification of " + RULE, PATIENCE, stop, () -> notified("quality", "resolved", RULE));
        return new Incident(
                "rule violation", true, true, RULE + " passes again with the corrected discount; alert resolved");
    }

    private void awaitDiscount(long itemId, BigDecimal discount, BooleanSupplier stop) throws InterruptedException {
        await("order item " + itemId + " with discount " + discount + " in fact.fact_vendas", PATIENCE, stop, () -> {
            List<BigDecimal> values = dw.queryForList(
                    "SELECT valor_desconto FROM fact.fact_vendas WHERE order_item_id = ?", BigDecimal.class, itemId);
            return values.size() == 1 && values.get(0).compareTo(discount) == 0;
        });
    }

    private JsonNode runCheck() throws InterruptedException {
        return api("quality-service", "POST", "/api/checks/" + RULE + "/run");
    }

    // ---------------------------------------------------------------- shared

    /**
     * True once the sink received both notifications of an alert of {@code kind} whose fingerprint ends in
     * {@code problem}: the webhook call (every alert) and the email (critical ones, as the demo routes them).
     */
    private boolean notified(String kind, String status, String problem) {
        boolean webhook = sink.alerts().stream()
                .anyMatch(a -> a.kind().equals(kind)
                        && a.status().equals(status)
                        && a.fingerprint().endsWith(":" + problem));
        boolean email = sink.emails().stream()
                .anyMatch(e -> e.subject().startsWith("[" + status + "]")
                        && e.body().contains(":" + kind + ":")
                        && e.body().contains(":" + problem));
        return webhook && email;
    }

    private JsonNode api(String service, String method, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port(service) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StagingException(method + " " + path + " on " + service + " answered " + response.statusCode()
                        + ": " + cut(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StagingException(method + " " + path + " on " + service + " failed: " + e.getMessage());
        }
    }

    /**
     * Rows in the OLTP tables of the stack's catalog now (the tables {@link StackStatus} counts applied rows
     * of): the initial load is in once at least as many were applied.
     */
    private long oltpRows() {
        SqlDialect sql = stack.oltpDialect();
        long rows = 0;
        for (EntityDefinition entity : stack.catalog().loadOrder()) {
            Long count = oltp.queryForObject(
                    "SELECT COUNT(*) FROM "
                            + sql.quoteQualifiedName(entity.source().table()),
                    Long.class);
            rows += count == null ? 0 : count;
        }
        return rows;
    }

    private long count(String sql, Object... arguments) {
        Long count = dw.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private void pause(BooleanSupplier stop) throws InterruptedException {
        Instant until = Instant.now().plus(PAUSE);
        while (Instant.now().isBefore(until) && !stop.getAsBoolean()) {
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Polls {@code condition} until it answers true (a {@code Boolean}) or a value (anything else but null),
     * and returns that answer.
     *
     * @throws StagingException when {@code atMost} passed first, naming {@code what}
     * @throws InterruptedException when {@code stop} says so (also as an interruption)
     */
    private static <T> T await(String what, Duration atMost, BooleanSupplier stop, Callable<T> condition)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(atMost);
        String lastProblem = null;
        while (true) {
            if (stop.getAsBoolean()) {
                throw new InterruptedException("stopped while waiting for " + what);
            }
            try {
                T answer = condition.call();
                if (answer != null && !Boolean.FALSE.equals(answer)) {
                    return answer;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (StagingException | DataAccessException e) {
                lastProblem = e.getMessage();
            } catch (Exception e) {
                throw new StagingException("waiting for " + what + ": " + e.getMessage());
            }
            if (!Instant.now().isBefore(giveUp)) {
                throw new StagingException(what + " did not come within " + atMost.toSeconds() + " s"
                        + (lastProblem == null ? "" : " (last problem: " + cut(lastProblem) + ")"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String cut(String text) {
        return cut(text, 160);
    }

    /** {@code text} on one line, at most {@code max} characters. */
    private static String cut(String text, int max) {
        String line = text == null ? "" : text.replace('\n', ' ').strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    /** @return the incidents' outcome for the summary, one line each */
    public static List<String> describe(List<Incident> incidents) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            Incident incident = incidents.get(i);
            lines.add(String.format(
                    "  %d/2 %-15s fired=%s resolved=%s  %s",
                    i + 1,
                    incident.name(),
                    incident.fired() ? "yes" : "no",
                    incident.resolved() ? "yes" : "no",
                    incident.outcome()));
        }
        return lines;
    }
}
