package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.sql.SqlResources;
import io.esteira.embedded.EmbeddedBroker;
import io.esteira.loader.dlq.DlqFilter;
import io.esteira.loader.dlq.DlqService;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.SourcePreparation;
import io.esteira.runtime.config.Endpoint;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A table the reference schema does not have, created in the OLTP by this test and declared in an operator
 * catalog file alone ({@code mirror: true}), reaches the warehouse's {@code raw.payments} exactly through the
 * four services, a real broker and two real databases: inserts, updates, a soft delete, hard deletes and a
 * transaction that commits late. Then its schema drifts: a new nullable column appears in the mirror; a
 * retyped column sends the batch to the DLQ with a reason naming it; a dropped column stops extraction with
 * an error naming it. A second table, {@code core.leads}, is declared without its columns (every column of
 * the table): a column added to it while the pipeline runs reaches {@code raw.leads} with the next change,
 * without a restart or an edit of the catalog file; a column dropped from it stops that entity alone, its
 * batch dead-lettered with an alert naming the column, while payments keeps landing. The stack's status
 * ({@link StackStatus}) reports both entities. The operator then resolves each drift as the runbook says, and
 * both entities resume and converge, nothing lost. A third table, {@code core.sessions}, holds instants
 * written with several offsets, times and uuids: its mirror holds the same values, to the microsecond, with
 * the services running in a zone that is not UTC. One scenario; a subclass per vendor gives the databases and
 * the few statements whose SQL differs ({@link VendorSql}).
 */
abstract class MirrorEntityScenario {

    /** The catalog's columns of core.payments, the key aside. */
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

    /**
     * A table of the customer's, as it is before Esteira: no change-order column, no trigger. Written once;
     * the vendor's {@link VendorSql#tokens} fill in types its warehouse mirrors as they are, so that source
     * and mirror read back as the same text.
     */
    static final String PAYMENTS_DDL =
            """
            CREATE TABLE core.payments (
                payment_id  bigint PRIMARY KEY,
                order_ref   {varchar}(40) NOT NULL,
                amount      decimal(12,2) NOT NULL,
                method      {char}(4),
                paid_at     {timestamp},
                captured    {boolean} NOT NULL DEFAULT {false},
                attempts    integer,
                note        {text},
                created_at  {timestamp} NOT NULL DEFAULT {utc_now},
                updated_at  {timestamp} NOT NULL DEFAULT {utc_now},
                deleted_at  {timestamp})
            """;

    /** core.leads as the operator's source has it; the catalog declares it without columns. */
    static final String LEADS_DDL =
            """
            CREATE TABLE core.leads (
                lead_id     bigint PRIMARY KEY,
                name        {varchar}(60) NOT NULL,
                score       integer,
                updated_at  {timestamp} NOT NULL DEFAULT {utc_now})
            """;

    /** The columns of core.leads before it drifts, the key aside. */
    static final List<String> LEAD_COLUMNS = List.of("name", "score", "updated_at");

    /**
     * A table of instants (with the offsets they were written with), times and uuids, as the operator's source
     * has it; the catalog declares it without columns.
     */
    static final String SESSIONS_DDL =
            """
            CREATE TABLE core.sessions (
                session_id  bigint PRIMARY KEY,
                device_id   {uuid} NOT NULL,
                started_at  {timestamptz} NOT NULL,
                ended_at    {timestamptz},
                opens_at    {time},
                updated_at  {timestamp} NOT NULL DEFAULT {utc_now})
            """;

    /** The columns of core.sessions, the key aside. */
    static final List<String> SESSION_COLUMNS =
            List.of("device_id", "started_at", "ended_at", "opens_at", "updated_at");

    /** The first session's start, written with each of {@link #OFFSETS} in turn. */
    private static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-03-01T10:00:00.123456+05:30");

    private static final List<ZoneOffset> OFFSETS =
            List.of(ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-8), ZoneOffset.UTC, ZoneOffset.ofHours(14));

    /** The zone the services and the test's connections run in while sessions is mirrored: neither UTC nor an offset of its values. */
    static final TimeZone SERVICES_ZONE = TimeZone.getTimeZone("America/Sao_Paulo");

    /**
     * What the scenario writes differently per vendor.
     *
     * @param tokens the {@code {token}}s of the scenario's statements: the types {@code varchar}, {@code
     *     char}, {@code timestamp}, {@code boolean}, {@code text}, {@code timestamptz} (an instant with an
     *     offset), {@code time}, {@code uuid}; {@code alter_type}, what follows {@code ALTER COLUMN <c>} before
     *     the new type; {@code false}; {@code utc_now}, the
     *     current UTC time without zone; {@code as_text}, the type a value is cast to for comparison as
     *     text; {@code live} and {@code deleted}, the conditions on {@code source_deleted} of a live mirror
     *     row and of a hard-deleted one (a tombstone)
     * @param retypeAmount widens {@code amount} from (12,2) to (14,4)
     */
    record VendorSql(Map<String, String> tokens, String retypeAmount) {

        String render(String template) {
            return SqlResources.fill(template, "MirrorEntityScenario", (token, arguments) -> tokens.get(token));
        }

        String asText(String column) {
            return render("CAST(" + column + " AS {as_text})");
        }
    }

    /** The OLTP, an empty database of its own. */
    abstract Endpoint oltp();

    /** The warehouse, an empty database of its own. */
    abstract Endpoint dw();

    abstract VendorSql sql();

    @Test
    void shouldMirrorATableDeclaredInYamlAloneStopOnDriftThatWouldLoseDataAndResumeOnceResolved(@TempDir Path dir)
            throws Exception {
        VendorSql sql = sql();
        OltpSchema.migrate(dataSource(oltp()));
        JdbcTemplate source = new JdbcTemplate(dataSource(oltp()));
        JdbcTemplate warehouse = new JdbcTemplate(dataSource(dw()));
        source.execute(sql.render(PAYMENTS_DDL));
        source.execute(sql.render(LEADS_DDL));
        // The capture DDL as an operator adds it: esteira-local source prepare (docs/runbook.md, "Adding an entity").
        try (Connection connection = connect(oltp())) {
            SourcePreparation preparation =
                    SourcePreparation.inspect(connection, List.of("core.payments", "core.leads"));
            preparation.apply(connection, preparation.script());
        }
        Path catalog = dir.resolve("entities.yml");
        declare(catalog, COLUMNS);

        try (LocalStack stack = LocalStack.start(options(catalog), line -> {})) {
            insertPayments(source);
            awaitMirrorEquals(source, warehouse, COLUMNS);
            // esteira-local's progress view reports the operator's entities from the services' own catalog.
            StackStatus status = StackStatus.read(stack);
            assertThat(status.entities()).containsKeys("payments", "leads");
            assertThat(status.entities().get("payments").rowsApplied()).isGreaterThanOrEqualTo(300);
            assertThat(status.render()).containsPattern("(?m)^payments +[0-9]+");
            try (Connection longWriter = connect(oltp());
                    Statement held = longWriter.createStatement()) {
                longWriter.setAutoCommit(false);
                held.execute("INSERT INTO core.payments (payment_id, order_ref, amount) VALUES (1000, 'HELD', 9.99)");
                held.execute("UPDATE core.payments SET note = 'held update' WHERE payment_id = 299");
                // Everything below commits while the transaction above stays open.
                source.update("UPDATE core.payments SET amount = amount + 1, note = 'updated' WHERE payment_id <= 50");
                source.update(sql.render("UPDATE core.payments SET deleted_at = {utc_now} WHERE payment_id = 60"));
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
                            sql.render("SELECT payment_id FROM raw.payments WHERE {deleted} ORDER BY payment_id"),
                            Long.class))
                    .as("hard deletes kept as tombstones")
                    .containsExactly(70L, 71L);
            assertThat(warehouse.queryForObject("SELECT note FROM raw.payments WHERE payment_id = 299", String.class))
                    .isEqualTo("held update");
            assertThat(count(warehouse, "SELECT COUNT(*) FROM ctl.derive_queue WHERE entity = 'payments'"))
                    .as("nothing derived from a mirror")
                    .isZero();

            // Every column of core.leads, none listed; one added while the pipeline runs follows with the next
            // change, without a restart or an edit of the catalog file.
            for (long lead = 1; lead <= 20; lead++) {
                source.update(
                        "INSERT INTO core.leads (lead_id, name, score) VALUES (?, ?, ?)", lead, "Lead " + lead, lead);
            }
            awaitMirrorEquals(source, warehouse, "leads", LEAD_COLUMNS);
            source.execute(sql.render("ALTER TABLE core.leads ADD origin {varchar}(20)"));
            source.update("UPDATE core.leads SET origin = 'fair' WHERE lead_id <= 5");
            source.update("INSERT INTO core.leads (lead_id, name, origin) VALUES (100, 'New', 'web')");
            awaitMirrorEquals(source, warehouse, "leads", withColumn(LEAD_COLUMNS, "origin"));
            assertThat(warehouse.queryForObject(
                            "SELECT column_type FROM ctl.mirror_column WHERE entity = 'leads' AND column_name = 'origin'",
                            String.class))
                    .isEqualTo("varchar(20)");
            assertThat(warehouse.queryForList("SELECT origin FROM raw.leads WHERE lead_id <= 5", String.class))
                    .containsOnly("fair")
                    .hasSize(5);
        }

        // Additive drift: a new nullable column, declared in the catalog file, appears in the mirror.
        source.execute(sql.render("ALTER TABLE core.payments ADD channel {varchar}(20)"));
        source.update("UPDATE core.payments SET channel = 'app' WHERE payment_id <= 10");
        List<String> withChannel = withColumn(COLUMNS, "channel");
        declare(catalog, withChannel);
        try (LocalStack stack = LocalStack.start(options(catalog), line -> {})) {
            source.update("INSERT INTO core.payments (payment_id, order_ref, amount, channel)"
                    + " VALUES (2000, 'NEW', 3.5, 'web')");
            awaitMirrorEquals(source, warehouse, withChannel);
            assertThat(warehouse.queryForObject(
                            "SELECT column_type FROM ctl.mirror_column WHERE entity = 'payments' AND column_name = 'channel'",
                            String.class))
                    .isEqualTo("varchar(20)");

            // A column dropped from core.leads: its next batch lacks a column raw.leads has, so the loader
            // dead-letters it at once with an alert that names the entity, the column and the runbook; the
            // mirror keeps the row as it was, and payments keeps landing.
            source.execute("ALTER TABLE core.leads DROP COLUMN score");
            source.update("UPDATE core.leads SET name = 'after the drop' WHERE lead_id = 1");
            DlqService dlq = stack.context(ServiceSpec.LOADER.name()).getBean(DlqService.class);
            awaitInDlq(dlq, "leads", "Column score of raw.leads");
            assertThat(dlq.listBatches("leads")).contains("is not in batch", "docs/runbook.md, Mirror drift");
            await("the alert that leads stopped, delivered to the alerting service")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> String.join(
                                    "\n", warehouse.queryForList("SELECT alerts FROM ctl.alert_group", String.class))
                            .contains("Mirror entity leads stopped"));
            source.update("INSERT INTO core.payments (payment_id, order_ref, amount, channel)"
                    + " VALUES (2001, 'AFTER', 4.5, 'web')");
            awaitMirrorEquals(source, warehouse, withChannel);
            assertThat(warehouse.queryForObject("SELECT name FROM raw.leads WHERE lead_id = 1", String.class))
                    .isEqualTo("Lead 1");

            // A retyped column: the batch goes to the DLQ with a reason that names the column; the mirror keeps
            // the row as it was.
            source.execute(sql.retypeAmount());
            source.update("UPDATE core.payments SET amount = 7.1234 WHERE payment_id = 100");
            awaitInDlq(dlq, "payments", "Column amount of raw.payments");
            assertThat(dlq.listBatches("payments"))
                    .contains("is decimal(12,2) in the warehouse but arrives as decimal(14,4)");
            assertThat(warehouse.queryForObject(
                            "SELECT " + sql.asText("amount") + " FROM raw.payments WHERE payment_id = 100",
                            String.class))
                    .isEqualTo("125.00");

            // A dropped column: extraction stops with an error naming it.
            source.execute("ALTER TABLE core.payments DROP COLUMN note");
            source.update("UPDATE core.payments SET attempts = 42 WHERE payment_id = 101");
            await("extraction of payments stopped on the dropped column")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> String.valueOf(warehouse.queryForObject(
                                    "SELECT last_error FROM ctl.etl_control WHERE entity = 'payments'", String.class))
                            .contains("Column core.payments.note (mirror entity payments) is no longer in the source"));
        }

        recoverFromDrift(sql, catalog, source, warehouse, withChannel);
    }

    /**
     * The operator resolves the three drifts above as docs/runbook.md ("Mirror drift") says, with one restart of
     * the services (the broker, and the batches in its dead-letter queues, stay): leads goes on without
     * {@code score}, the mirror's {@code amount} is widened to the source's new type, payments goes on without
     * {@code note}. Both entities resume and converge with their sources: the changes made while they were
     * stopped land, none lost.
     */
    private void recoverFromDrift(
            VendorSql sql, Path catalog, JdbcTemplate source, JdbcTemplate warehouse, List<String> withChannel)
            throws Exception {
        // leads, score dropped: take it out of the mirror's record (the warehouse keeps the column and its history).
        warehouse.update("DELETE FROM ctl.mirror_column WHERE entity = 'leads' AND column_name = 'score'");
        // payments, amount retyped: widen it in raw.payments and its work table, and record the new type.
        for (String table : List.of("raw.payments", "stg.incoming_payments")) {
            warehouse.execute(sql.render("ALTER TABLE " + table + " ALTER COLUMN amount {alter_type}decimal(14,4)"));
        }
        warehouse.update("UPDATE ctl.mirror_column SET column_type = 'decimal(14,4)'"
                + " WHERE entity = 'payments' AND column_name = 'amount'");
        // payments, note dropped: take it out of the entity's columns, then restart.
        List<String> withoutNote = new ArrayList<>(withChannel);
        withoutNote.remove("note");
        declare(catalog, withoutNote);
        try (LocalStack stack = LocalStack.start(options(catalog), line -> {})) {
            DlqService dlq = stack.context(ServiceSpec.LOADER.name()).getBean(DlqService.class);
            source.update("UPDATE core.leads SET name = 'while stopped' WHERE lead_id = 2");
            dlq.replay(new DlqFilter("leads", null, null, null, null), false);
            awaitMirrorEquals(source, warehouse, "leads", List.of("name", "updated_at", "origin"));
            assertThat(warehouse.queryForObject("SELECT name FROM raw.leads WHERE lead_id = 1", String.class))
                    .isEqualTo("after the drop");

            // The retyped batch lands once replayed. The first batch without note is refused while the mirror
            // still records note (the runbook's order: replay first, then take the column out of the record).
            dlq.replay(new DlqFilter("payments", null, null, null, null), false);
            awaitInDlq(dlq, "payments", "Column note of raw.payments");
            await("the retyped batch landed")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> "7.1234"
                            .equals(warehouse.queryForObject(
                                    "SELECT " + sql.asText("amount") + " FROM raw.payments WHERE payment_id = 100",
                                    String.class)));
            warehouse.update("DELETE FROM ctl.mirror_column WHERE entity = 'payments' AND column_name = 'note'");
            dlq.replay(new DlqFilter("payments", null, null, null, null), false);
            source.update("INSERT INTO core.payments (payment_id, order_ref, amount, channel)"
                    + " VALUES (2002, 'RESUMED', 5.5, 'web')");
            awaitMirrorEquals(source, warehouse, withoutNote);
            assertThat(warehouse.queryForObject(
                            "SELECT attempts FROM raw.payments WHERE payment_id = 101", Integer.class))
                    .isEqualTo(42);
            assertThat(dlq.depth("payments") + dlq.depth("leads"))
                    .as("nothing left behind")
                    .isZero();
        }
    }

    @Test
    void shouldMirrorInstantsTimesAndUuidsValueForValue(@TempDir Path dir) throws Exception {
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(SERVICES_ZONE); // an instant landed as a wall-clock time would move
        try {
            VendorSql sql = sql();
            OltpSchema.migrate(dataSource(oltp()));
            JdbcTemplate source = new JdbcTemplate(dataSource(oltp()));
            JdbcTemplate warehouse = new JdbcTemplate(dataSource(dw()));
            source.execute(sql.render(SESSIONS_DDL));
            try (Connection connection = connect(oltp())) {
                SourcePreparation preparation = SourcePreparation.inspect(connection, List.of("core.sessions"));
                preparation.apply(connection, preparation.script());
            }
            Path catalog = dir.resolve("entities.yml");
            Files.writeString(
                    catalog,
                    """
                    entities:
                      sessions:
                        table: core.sessions
                        key: session_id
                        mirror: true
                    """);
            try (LocalStack stack = LocalStack.start(options(catalog), line -> {})) {
                String insert = sql.render("INSERT INTO core.sessions (session_id, device_id, started_at, ended_at,"
                        + " opens_at) VALUES (?, CAST(? AS {uuid}), CAST(? AS {timestamptz}), CAST(? AS {timestamptz}),"
                        + " CAST(? AS {time}))");
                List<Object[]> rows = new ArrayList<>();
                for (long s = 1; s <= 60; s++) {
                    OffsetDateTime started =
                            STARTED.plusMinutes(s).withOffsetSameLocal(OFFSETS.get((int) (s % OFFSETS.size())));
                    rows.add(new Object[] {
                        s,
                        new UUID(0xC0FFEE00L + s, s).toString().toUpperCase(Locale.ROOT),
                        started.toString(),
                        s % 4 == 0
                                ? null
                                : started.plusHours(2).plusNanos(1_000).toString(),
                        s % 5 == 0
                                ? null
                                : LocalTime.of((int) (s % 24), (int) s % 60, 7, 654_321_000)
                                        .toString()
                    });
                }
                rows.add(new Object[] {61L, new UUID(1, 61).toString(), STARTED.toString(), null, "23:59:59.999999"});
                source.batchUpdate(insert, rows);
                awaitMirrorEquals(source, warehouse, "sessions", SESSION_COLUMNS);

                source.update(
                        sql.render("UPDATE core.sessions SET started_at = CAST(? AS {timestamptz}), opens_at = NULL,"
                                + " device_id = CAST(? AS {uuid}) WHERE session_id = 2"),
                        "2026-07-04T23:30:00.000001-09:30",
                        "0b3e2a5c-1d4f-4e6a-9b7c-8d9e0f1a2b3c");
                source.update("DELETE FROM core.sessions WHERE session_id IN (3, 4)");
                awaitMirrorEquals(source, warehouse, "sessions", SESSION_COLUMNS);

                assertThat(warehouse.queryForList(
                                sql.render("SELECT session_id FROM raw.sessions WHERE {deleted} ORDER BY session_id"),
                                Long.class))
                        .containsExactly(3L, 4L);
                assertThat(warehouse.queryForList(
                                "SELECT column_type FROM ctl.mirror_column WHERE entity = 'sessions' ORDER BY column_order",
                                String.class))
                        .containsExactly("bigint", "uuid", "timestamptz", "timestamptz", "time", "timestamp");
                // The same instant, to the microsecond, whatever offset it was written with and the sessions' zone.
                assertThat(count(
                                warehouse,
                                "SELECT COUNT(*) FROM raw.sessions WHERE session_id = 2 AND started_at = ?",
                                OffsetDateTime.parse("2026-07-05T09:00:00.000001Z")))
                        .isEqualTo(1);
                assertThat(count(
                                warehouse,
                                sql.render("SELECT COUNT(*) FROM raw.sessions WHERE session_id = 61"
                                        + " AND opens_at = CAST('23:59:59.999999' AS {time})"
                                        + " AND device_id = CAST('00000000-0000-0001-0000-00000000003d' AS {uuid})")))
                        .isEqualTo(1);
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    /** The services of one test, restarted, share this broker: the batches in its dead-letter queues stay. */
    private final EmbeddedBroker broker = EmbeddedBroker.onFreePort(EmbeddedBroker.Redelivery.defaults());

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private StackOptions options(Path catalog) {
        return new StackOptions(
                oltp(),
                dw(),
                broker.start().url(),
                0,
                0,
                Map.of(
                        "esteira.extractor.interval", "PT1S",
                        "esteira.catalog.file", catalog.toString(),
                        "esteira.loader.max-attempts", "2"));
    }

    /** 300 rows, payment_id 1 to 300: method alternating PIX/CARD, a note null every 7th, with quotes. */
    private static void insertPayments(JdbcTemplate source) {
        List<Object[]> rows = new ArrayList<>();
        for (long g = 1; g <= 300; g++) {
            rows.add(new Object[] {
                g,
                "ORD-" + g,
                new BigDecimal("1.25").multiply(BigDecimal.valueOf(g)),
                g % 2 == 0 ? "PIX" : "CARD",
                LocalDateTime.of(2026, 3, 1, 10, 0, 0, 123_456_000).plusMinutes(g),
                g % 3 == 0,
                (int) (g % 5),
                g % 7 == 0 ? null : "nota \"" + g + "\", ok"
            });
        }
        source.batchUpdate(
                "INSERT INTO core.payments (payment_id, order_ref, amount, method, paid_at, captured, attempts, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private static DriverManagerDataSource dataSource(Endpoint endpoint) {
        return new DriverManagerDataSource(endpoint.url(), endpoint.username(), endpoint.password());
    }

    private static Connection connect(Endpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.url(), endpoint.username(), endpoint.password());
    }

    /** The operator's catalog file: payments with its columns listed, leads with every column of its table. */
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
                  leads:
                    table: core.leads
                    key: lead_id
                    mirror: true
                """
                        .formatted(String.join(", ", columns)));
    }

    /** Waits until the entity's DLQ holds a batch whose reason contains {@code reason}. */
    private static void awaitInDlq(DlqService dlq, String entity, String reason) {
        await("a batch of " + entity + " in its DLQ: " + reason)
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> dlq.listBatches(entity).contains(reason));
    }

    private static List<String> withColumn(List<String> columns, String added) {
        List<String> with = new ArrayList<>(columns);
        with.add(added);
        return with;
    }

    /** Waits until every live row of raw.payments equals its source row, column by column, as text. */
    private void awaitMirrorEquals(JdbcTemplate source, JdbcTemplate warehouse, List<String> columns) {
        awaitMirrorEquals(source, warehouse, "payments", columns);
    }

    /** Waits until every live row of raw.<table> equals its row of core.<table>, column by column, as text. */
    private void awaitMirrorEquals(JdbcTemplate source, JdbcTemplate warehouse, String table, List<String> columns) {
        String key = table.substring(0, table.length() - 1) + "_id";
        String select = "SELECT " + key + ", "
                + columns.stream().map(c -> sql().asText(c) + " AS " + c).collect(Collectors.joining(", "));
        String sourceRows = select + " FROM core." + table + " ORDER BY " + key;
        String mirrorRows = select + sql().render(" FROM raw." + table + " WHERE {live} ORDER BY " + key);
        await("raw." + table + " equals core." + table + " row for row")
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

    private static long count(JdbcTemplate jdbc, String sql, Object... arguments) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class, arguments);
            return n == null ? 0 : n;
        } catch (RuntimeException notYet) {
            return 0;
        }
    }
}
