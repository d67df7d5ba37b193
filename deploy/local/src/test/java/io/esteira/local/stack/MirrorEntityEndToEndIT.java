package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.dlq.DlqService;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.SourcePreparation;
import io.esteira.runtime.config.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table the reference schema does not have, created in the OLTP by this test and declared in an operator
 * catalog file alone ({@code mirror: true}), reaches the warehouse's {@code raw.payments} exactly through the
 * four services, a real broker and two real PostgreSQL databases: inserts, updates, a soft delete, hard
 * deletes and a transaction that commits late. Then its schema drifts: a new nullable column appears in the
 * mirror; a retyped column sends the batch to the DLQ with a reason naming it; a dropped column stops
 * extraction with an error naming it.
 */
class MirrorEntityEndToEndIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("mirror_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("mirror_dw");

    /** A table of the customer's, as it is before Esteira: no change-order column, no trigger. */
    static final String PAYMENTS_DDL =
            """
            CREATE TABLE core.payments (
                payment_id  bigint PRIMARY KEY,
                order_ref   varchar(40) NOT NULL,
                amount      numeric(12,2) NOT NULL,
                method      char(4),
                paid_at     timestamp,
                captured    boolean NOT NULL DEFAULT false,
                attempts    integer,
                note        text,
                created_at  timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
                updated_at  timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
                deleted_at  timestamp);
            """;

    static final List<String> COLUMNS = List.of(
            "order_ref",
            "amount",
            "method",
            "paid_at",
            "captured",
            "attempts",
            "note",
            "created_at",
            "updated_at",
            "deleted_at");

    @Test
    void shouldMirrorATableDeclaredInYamlAloneAndStopOnDriftThatWouldLoseData(@TempDir Path dir) throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        JdbcTemplate warehouse = new JdbcTemplate(dw.dataSource());
        source.execute(PAYMENTS_DDL);
        // The capture DDL as an operator adds it: esteira-local source prepare (docs/runbook.md, "Adding an entity").
        try (Connection connection = oltp.connect()) {
            SourcePreparation preparation = SourcePreparation.inspect(connection, List.of("core.payments"));
            preparation.apply(connection, preparation.script());
        }
        Path catalog = dir.resolve("entities.yml");
        declare(catalog, COLUMNS);

        try (LocalStack stack = LocalStack.start(options(catalog), line -> {})) {
            source.update(
                    "INSERT INTO core.payments (payment_id, order_ref, amount, method, paid_at, captured,"
                            + " attempts, note) SELECT g, 'ORD-' || g, g * 1.25, CASE WHEN g % 2 = 0 THEN 'PIX' ELSE 'CARD' END,"
                            + " timestamp '2026-03-01 10:00:00.123456' + g * interval '1 minute', g % 3 = 0, g % 5,"
                            + " CASE WHEN g % 7 = 0 THEN NULL ELSE 'nota \"' || g || '\", ok' END FROM generate_series(1, 300) g");
            awaitMirrorEquals(source, warehouse, COLUMNS);
            try (Connection longWriter = oltp.connect();
                    Statement held = longWriter.createStatement()) {
                longWriter.setAutoCommit(false);
                held.execute("INSERT INTO core.payments (payment_id, order_ref, amount) VALUES (1000, 'HELD', 9.99)");
                held.execute("UPDATE core.payments SET note = 'held update' WHERE payment_id = 299");
                // Everything below commits while the transaction above stays open.
                source.update("UPDATE core.payments SET amount = amount + 1, note = 'updated' WHERE payment_id <= 50");
                source.update("UPDATE core.payments SET deleted_at = now() AT TIME ZONE 'UTC' WHERE payment_id = 60");
                source.update("DELETE FROM core.payments WHERE payment_id IN (70, 71)");
                source.update("INSERT INTO core.payments (payment_id, order_ref, amount) VALUES (301, 'LATE', 1)");
                // Committed, but after the open transaction began: held back by the capture bound (lag, not loss).
                await("an extraction cycle or more")
                        .pollDelay(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> true);
                assertThat(count(warehouse, "SELECT COUNT(*) FROM raw.payments WHERE payment_id = 301"))
                        .as("a change above the open transaction waits")
                        .isZero();
                longWriter.commit();
            }
            awaitMirrorEquals(source, warehouse, COLUMNS);
            assertThat(warehouse.queryForList(
                            "SELECT payment_id FROM raw.payments WHERE source_deleted ORDER BY payment_id", Long.class))
                    .as("hard deletes kept as tombstones")
                    .containsExactly(70L, 71L);
            assertThat(warehouse.queryForObject("SELECT note FROM raw.payments WHERE payment_id = 299", String.class))
                    .isEqualTo("held update");
            assertThat(count(warehouse, "SELECT COUNT(*) FROM ctl.derive_queue WHERE entity = 'payments'"))
                    .as("nothing derived from a mirror")
                    .isZero();
        }

        // Additive drift: a new nullable column, declared in the catalog file, appears in the mirror.
        source.execute("ALTER TABLE core.payments ADD COLUMN channel varchar(20)");
        source.update("UPDATE core.payments SET channel = 'app' WHERE payment_id <= 10");
        List<String> withChannel = new java.util.ArrayList<>(COLUMNS);
        withChannel.add("channel");
        declare(catalog, withChannel);
        try (LocalStack stack = LocalStack.start(options(catalog), line -> {})) {
            source.update("INSERT INTO core.payments (payment_id, order_ref, amount, channel)"
                    + " VALUES (2000, 'NEW', 3.5, 'web')");
            awaitMirrorEquals(source, warehouse, withChannel);
            assertThat(warehouse.queryForObject(
                            "SELECT column_type FROM ctl.mirror_column WHERE entity = 'payments' AND column_name = 'channel'",
                            String.class))
                    .isEqualTo("varchar(20)");

            // A retyped column: the batch goes to the DLQ with a reason that names the column; the mirror keeps
            // the row as it was.
            source.execute("ALTER TABLE core.payments ALTER COLUMN amount TYPE numeric(14,4)");
            source.update("UPDATE core.payments SET amount = 7.1234 WHERE payment_id = 100");
            DlqService dlq = stack.context(ServiceSpec.LOADER.name()).getBean(DlqService.class);
            await("the retyped column's batch in the DLQ")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> dlq.listBatches("payments").contains("Column amount of raw.payments"));
            assertThat(dlq.listBatches("payments"))
                    .contains("is decimal(12,2) in the warehouse but arrives as decimal(14,4)");
            assertThat(warehouse.queryForObject(
                            "SELECT CAST(amount AS text) FROM raw.payments WHERE payment_id = 100", String.class))
                    .isEqualTo("125.00");

            // A dropped column: extraction stops with an error naming it.
            source.execute("ALTER TABLE core.payments DROP COLUMN note");
            source.update("UPDATE core.payments SET captured = true WHERE payment_id = 101");
            await("extraction of payments stopped on the dropped column")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> String.valueOf(warehouse.queryForObject(
                                    "SELECT last_error FROM ctl.etl_control WHERE entity = 'payments'", String.class))
                            .contains("Column core.payments.note (mirror entity payments) is no longer in the source"));
        }
    }

    private static StackOptions options(Path catalog) {
        return new StackOptions(
                new Endpoint(oltp.jdbcUrl(), oltp.username(), oltp.password()),
                new Endpoint(dw.jdbcUrl(), dw.username(), dw.password()),
                null,
                0,
                0,
                Map.of(
                        "esteira.extractor.interval", "PT1S",
                        "esteira.catalog.file", catalog.toString(),
                        "esteira.loader.max-attempts", "2"));
    }

    /** The operator's catalog file: the one entry that declares the table. */
    private static void declare(Path file, List<String> columns) throws Exception {
        Files.writeString(
                file,
                """
                entities:
                  payments:
                    table: core.payments
                    key: payment_id
                    columns: [%s]
                    mirror: true
                """
                        .formatted(String.join(", ", columns)));
    }

    /** Waits until every live row of raw.payments equals its source row, column by column, as text. */
    private static void awaitMirrorEquals(JdbcTemplate source, JdbcTemplate warehouse, List<String> columns) {
        String select = "SELECT payment_id, "
                + columns.stream().map(c -> "CAST(" + c + " AS text) AS " + c).collect(Collectors.joining(", "));
        String sourceRows = select + " FROM core.payments ORDER BY payment_id";
        String mirrorRows = select + " FROM raw.payments WHERE NOT source_deleted ORDER BY payment_id";
        await("raw.payments equals core.payments row for row")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try {
                        return warehouse.queryForList(mirrorRows).equals(source.queryForList(sourceRows));
                    } catch (RuntimeException notYet) {
                        return false; // raw.payments, or its new column, not created yet
                    }
                });
        assertThat(warehouse.queryForList(mirrorRows)).isEqualTo(source.queryForList(sourceRows));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? 0 : n;
        } catch (RuntimeException notYet) {
            return 0;
        }
    }
}
