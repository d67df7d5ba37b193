package io.esteira.loader.apply;

import static io.esteira.loader.apply.Changes.delete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mirror entity ({@code mirror: true}) on a real PostgreSQL warehouse, without a broker: the loader creates
 * {@code raw.payments} from the first batch's column types, lands with the version guard, tombstones and
 * batch-id record of the star's entities, derives nothing, adds a new column, and stops on a dropped or
 * retyped one with an error naming it.
 */
class MirrorTablesPostgresIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("loader_mirror");

    private static final EntityDefinition PAYMENTS = new EntityDefinition(
            "payments", "core.payments", "payment_id", List.of("payment_id", "amount", "method", "paid_at", "note"));

    private static final List<ChangeBatch.Column> COLUMNS = List.of(
            new ChangeBatch.Column("payment_id", "bigint"),
            new ChangeBatch.Column("amount", "decimal(12,2)"),
            new ChangeBatch.Column("method", "char(4)"),
            new ChangeBatch.Column("paid_at", "timestamp"),
            new ChangeBatch.Column("note", "text"));

    /** Makes every batch of a test a batch of its own (its own id), as distinct extractions are. */
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private BatchApplier applier;
    private JdbcTemplate sql;

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
    }

    @BeforeEach
    void noMirrorYet() {
        sql = new JdbcTemplate(dw.dataSource());
        sql.execute("DROP TABLE IF EXISTS raw.payments");
        sql.execute("DROP TABLE IF EXISTS stg.incoming_payments");
        sql.update("DELETE FROM ctl.mirror_column");
        sql.update("DELETE FROM ctl.applied_batch");
        sql.update("DELETE FROM ctl.derive_queue");
        applier = new BatchApplier(
                dw.dataSource(),
                () -> Vendor.POSTGRESQL,
                EntityCatalog.of(List.of(PAYMENTS), Set.of("payments")),
                Clock.systemUTC());
    }

    @Test
    void shouldCreateTheMirrorFromTheFirstBatchsColumnTypes() {
        applier.apply(batch(COLUMNS, payment(1, 10, "12.50", "PIX ", "2026-03-01T10:15:30.123456", "first")));

        assertThat(sql
                        .queryForList(
                                "SELECT column_name, data_type, is_nullable, character_maximum_length, numeric_precision,"
                                        + " numeric_scale, datetime_precision FROM information_schema.columns"
                                        + " WHERE table_schema = 'raw' AND table_name = 'payments' ORDER BY ordinal_position")
                        .stream()
                        .map(r -> r.values().stream().map(String::valueOf).toList())
                        .toList())
                .containsExactly(
                        List.of("payment_id", "bigint", "NO", "null", "64", "0", "null"),
                        List.of("amount", "numeric", "YES", "null", "12", "2", "null"),
                        List.of("method", "character", "YES", "4", "null", "null", "null"),
                        List.of("paid_at", "timestamp without time zone", "YES", "null", "null", "null", "6"),
                        List.of("note", "text", "YES", "null", "null", "null", "null"),
                        List.of("source_version", "bigint", "NO", "null", "64", "0", "null"),
                        List.of("source_deleted", "boolean", "NO", "null", "null", "null", "null"),
                        List.of("loaded_at", "timestamp without time zone", "NO", "null", "null", "null", "3"));
        assertThat(sql.queryForMap("SELECT amount, method, CAST(paid_at AS text) AS paid_at, note FROM raw.payments"))
                .containsEntry("amount", new BigDecimal("12.50"))
                .containsEntry("method", "PIX ")
                .containsEntry("paid_at", "2026-03-01 10:15:30.123456")
                .containsEntry("note", "first");
        assertThat(sql.queryForList(
                        "SELECT column_name || ' ' || column_type FROM ctl.mirror_column WHERE entity = 'payments'"
                                + " ORDER BY column_order",
                        String.class))
                .containsExactly(
                        "payment_id bigint",
                        "amount decimal(12,2)",
                        "method char(4)",
                        "paid_at timestamp",
                        "note text");
    }

    @Test
    void shouldIgnoreAnOlderOrEqualVersionAndQueueNothingForTheDeriver() {
        applier.apply(batch(COLUMNS, payment(1, 20, "20.00", "CARD", null, "v20")));

        ApplyResult older = applier.apply(batch(COLUMNS, payment(1, 19, "19.00", "CARD", null, "v19")));
        ApplyResult equal = applier.apply(batch(COLUMNS, payment(1, 20, "99.00", "CARD", null, "other v20")));

        assertThat(older.ignored()).isEqualTo(1);
        assertThat(equal.ignored()).isEqualTo(1);
        assertThat(sql.queryForObject("SELECT note FROM raw.payments WHERE payment_id = 1", String.class))
                .isEqualTo("v20");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class))
                .isZero();
        assertThat(applier.derive(100).totalKeys()).isZero();
    }

    @Test
    void shouldApplyASoftDeleteAsAnUpdateAndAHardDeleteAsATombstoneThatAnOlderUpsertCannotUndo() {
        applier.apply(
                batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a"), payment(2, 10, "2.00", "PIX ", null, "b")));

        applier.apply(
                batch(COLUMNS, payment(1, 11, "1.00", "PIX ", null, "soft deleted"), delete(2, 11), delete(3, 11)));
        applier.apply(
                batch(COLUMNS, payment(2, 10, "2.00", "PIX ", null, "late"), payment(3, 9, "3.00", "PIX ", null, "x")));

        assertThat(sql.queryForList("SELECT payment_id, source_deleted, note FROM raw.payments ORDER BY payment_id"))
                .containsExactly(
                        Map.of("payment_id", 1L, "source_deleted", false, "note", "soft deleted"),
                        Map.of("payment_id", 2L, "source_deleted", true, "note", "b"),
                        mapOf("payment_id", 3L, "source_deleted", true, "note", null));
    }

    @Test
    void shouldChangeNothingWhenTheSameBatchIsDeliveredAgain() {
        ChangeBatch first = batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a"));
        applier.apply(first);
        sql.update("UPDATE raw.payments SET note = 'touched by nobody else'");

        ApplyResult again = applier.apply(first);

        assertThat(again.duplicate()).isTrue();
        assertThat(sql.queryForObject("SELECT note FROM raw.payments", String.class))
                .isEqualTo("touched by nobody else");
    }

    @Test
    void shouldAddANewNullableColumnThatLaterBatchesCarry() {
        applier.apply(batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a")));
        List<ChangeBatch.Column> more = new java.util.ArrayList<>(COLUMNS);
        more.add(new ChangeBatch.Column("channel", "varchar(20)"));

        ChangeBatch.Row row = new ChangeBatch.Row(
                ChangeBatch.Op.upsert,
                2,
                11,
                Map.of("amount", "2.00", "method", "PIX ", "note", "b", "channel", "app"));
        applier.apply(batch(more, row));

        assertThat(sql.queryForList("SELECT payment_id, channel FROM raw.payments ORDER BY payment_id"))
                .containsExactly(mapOf("payment_id", 1L, "channel", null), mapOf("payment_id", 2L, "channel", "app"));
        assertThat(sql.queryForObject(
                        "SELECT column_type FROM ctl.mirror_column WHERE entity = 'payments' AND column_name = 'channel'",
                        String.class))
                .isEqualTo("varchar(20)");
        assertThat(sql.queryForObject(
                        "SELECT character_maximum_length FROM information_schema.columns"
                                + " WHERE table_schema = 'stg' AND table_name = 'incoming_payments' AND column_name = 'channel'",
                        Integer.class))
                .isEqualTo(20);
    }

    @Test
    void shouldStopOnADroppedColumnNamingIt() {
        applier.apply(batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a")));
        List<ChangeBatch.Column> withoutNote = COLUMNS.subList(0, 4);

        assertThatThrownBy(() -> applier.apply(batch(
                        withoutNote, new ChangeBatch.Row(ChangeBatch.Op.upsert, 1, 11, Map.of("amount", "5.00")))))
                .isInstanceOf(MirrorTables.MirrorDriftException.class)
                .hasMessageContaining("Column note of raw.payments (mirror entity payments, text) is not in batch");
        assertThat(sql.queryForObject("SELECT amount FROM raw.payments", BigDecimal.class))
                .isEqualByComparingTo("1.00");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.applied_batch", Long.class))
                .isEqualTo(1);
    }

    @Test
    void shouldLandABatchOlderThanAnAddedColumnItLacksLeavingTheColumnAsItIs() {
        applier.apply(
                batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a"), payment(2, 10, "2.00", "PIX ", null, "b")));
        // The column is added to the source; the first batch read after it carries it from version 20 on.
        applier.apply(batch(withChannel(), withChannel(payment(1, 20, "1.00", "PIX ", null, "a2"), "app")));
        // Filled as a window re-extraction of the entity fills the rows that did not change since.
        sql.update("UPDATE raw.payments SET channel = 'filled' WHERE payment_id = 2");

        // Captured before the column was added (versions 15-17), it arrives late: redelivered, or replayed from
        // the DLQ.
        ApplyResult older = applier.apply(batch(
                COLUMNS,
                payment(1, 15, "15.00", "PIX ", null, "older than the mirror's"),
                payment(2, 16, "16.00", "CARD", null, "b16"),
                payment(4, 17, "17.00", "CARD", null, "new key")));

        assertThat(older.inserted()).isEqualTo(1);
        assertThat(older.updated()).isEqualTo(1);
        assertThat(older.ignored()).isEqualTo(1);
        assertThat(sql.queryForList(
                        "SELECT payment_id, note, channel, source_version FROM raw.payments ORDER BY payment_id"))
                .containsExactly(
                        mapOf("payment_id", 1L, "note", "a2", "channel", "app", "source_version", 20L),
                        mapOf("payment_id", 2L, "note", "b16", "channel", "filled", "source_version", 16L),
                        mapOf("payment_id", 4L, "note", "new key", "channel", null, "source_version", 17L));
        assertThat(sql.queryForList(
                        "SELECT column_name || ' ' || COALESCE(CAST(carried_from AS text), 'from the beginning')"
                                + " FROM ctl.mirror_column WHERE entity = 'payments' ORDER BY column_order",
                        String.class))
                .containsExactly(
                        "payment_id from the beginning",
                        "amount from the beginning",
                        "method from the beginning",
                        "paid_at from the beginning",
                        "note from the beginning",
                        "channel 20");
    }

    @Test
    void shouldReapplyAReplayOlderThanAnAddedColumnAtTheSameVersionWithoutTouchingTheColumn() {
        applier.apply(batch(COLUMNS, payment(2, 16, "2.00", "PIX ", null, "b16")));
        applier.apply(batch(withChannel(), withChannel(payment(1, 20, "1.00", "PIX ", null, "a"), "app")));
        sql.update("UPDATE raw.payments SET channel = 'filled' WHERE payment_id = 2");

        ApplyResult replayed = applier.apply(replay(COLUMNS, payment(2, 16, "2.00", "PIX ", null, "b16 replayed")));

        assertThat(replayed.updated()).isEqualTo(1);
        assertThat(sql.queryForMap("SELECT note, channel FROM raw.payments WHERE payment_id = 2"))
                .containsEntry("note", "b16 replayed")
                .containsEntry("channel", "filled");
    }

    @Test
    void shouldStopOnAnAddedColumnThatABatchNotOlderThanItLacks() {
        applier.apply(batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a")));
        applier.apply(batch(withChannel(), withChannel(payment(1, 20, "1.00", "PIX ", null, "a"), "app")));

        for (long newest : new long[] {20, 25}) {
            assertThatThrownBy(() -> applier.apply(batch(
                            COLUMNS,
                            payment(2, 15, "2.00", "PIX ", null, "older"),
                            payment(3, newest, "3.00", "PIX ", null, "not older"))))
                    .isInstanceOf(MirrorTables.MirrorDriftException.class)
                    .hasMessageContaining(
                            "Column channel of raw.payments (mirror entity payments, varchar(20)) is not in batch")
                    .hasMessageContaining(
                            "its rows reach source version " + newest + ", and the column is carried from version 20");
        }
        assertThat(sql.queryForList("SELECT payment_id FROM raw.payments", Long.class))
                .containsExactly(1L);
    }

    @Test
    void shouldStopOnARetypedColumnNamingIt() {
        applier.apply(batch(COLUMNS, payment(1, 10, "1.00", "PIX ", null, "a")));
        List<ChangeBatch.Column> retyped = COLUMNS.stream()
                .map(c -> c.name().equals("amount") ? new ChangeBatch.Column("amount", "decimal(14,4)") : c)
                .toList();

        assertThatThrownBy(() -> applier.apply(batch(retyped, payment(1, 11, "1.2345", "PIX ", null, "a"))))
                .isInstanceOf(MirrorTables.MirrorDriftException.class)
                .hasMessageContaining(
                        "Column amount of raw.payments (mirror entity payments) is decimal(12,2) in the warehouse but"
                                + " arrives as decimal(14,4)");
        assertThat(sql.queryForObject("SELECT amount FROM raw.payments", BigDecimal.class))
                .isEqualByComparingTo("1.00");
    }

    @Test
    void shouldRefuseABatchOfAMirrorEntityThatCarriesNoColumnTypes() {
        assertThatThrownBy(() -> applier.apply(batch(null, payment(1, 10, "1.00", "PIX ", null, "a"))))
                .hasMessageContaining("carries no column types")
                .hasMessageContaining("esteira.catalog.file");
    }

    @Test
    void shouldRefuseToCarryAStarEntityAsAMirror() {
        EntityCatalog catalog = EntityCatalog.of(EntityCatalog.reference().loadOrder(), Set.of("regions"));

        assertThatThrownBy(() -> new BatchApplier(dw.dataSource(), () -> Vendor.POSTGRESQL, catalog, Clock.systemUTC()))
                .hasMessageContaining("Entity regions feeds the star and cannot be a mirror");
    }

    private static Map<String, Object> mapOf(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ChangeBatch.Row payment(
            long key, long version, String amount, String method, String paidAt, String note) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("amount", new BigDecimal(amount));
        data.put("method", method);
        data.put("paid_at", paidAt);
        data.put("note", note);
        return new ChangeBatch.Row(ChangeBatch.Op.upsert, key, version, data);
    }

    private static List<ChangeBatch.Column> withChannel() {
        List<ChangeBatch.Column> more = new java.util.ArrayList<>(COLUMNS);
        more.add(new ChangeBatch.Column("channel", "varchar(20)"));
        return more;
    }

    private static ChangeBatch.Row withChannel(ChangeBatch.Row row, String channel) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(row.data());
        data.put("channel", channel);
        return new ChangeBatch.Row(row.op(), row.key(), row.version(), data);
    }

    /** A batch of a window replay (re-extraction): the same version re-applies. */
    private static ChangeBatch replay(List<ChangeBatch.Column> columns, ChangeBatch.Row... rows) {
        ChangeBatch live = batch(columns, rows);
        return new ChangeBatch(
                live.schema(),
                BatchIds.of("payments", live.watermark(), "r" + SEQUENCE.incrementAndGet()),
                live.entity(),
                live.source(),
                live.extractedAt(),
                live.watermark(),
                "r" + SEQUENCE.get(),
                live.rows(),
                live.columns());
    }

    private static ChangeBatch batch(List<ChangeBatch.Column> columns, ChangeBatch.Row... rows) {
        List<ChangeBatch.Row> list = Arrays.asList(rows);
        ChangeBatch.Watermark watermark = new ChangeBatch.Watermark(
                new ChangeBatch.Cursor(list.get(0).version() - 1, -SEQUENCE.incrementAndGet()),
                new ChangeBatch.Cursor(
                        list.get(list.size() - 1).version(),
                        list.get(list.size() - 1).key()));
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of("payments", watermark, null),
                "payments",
                new ChangeBatch.Source("oltp", "core.payments"),
                Instant.now(),
                watermark,
                null,
                list,
                columns);
    }
}
