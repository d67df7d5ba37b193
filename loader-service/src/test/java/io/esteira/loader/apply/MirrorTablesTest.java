package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.mirror.ColumnType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL a mirror entity's tables are created, extended and landed with, exactly as SQL Server receives
 * it (no SQL Server here: MirrorTablesPostgresIT runs the PostgreSQL form).
 */
class MirrorTablesTest {

    private static final EntityDefinition PAYMENTS = new EntityDefinition(
            "payments", "core.payments", "payment_id", List.of("payment_id", "amount", "paid_at", "note", "paid"));

    private static final Map<String, ColumnType> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("payment_id", ColumnType.parse("bigint"));
        TYPES.put("amount", ColumnType.parse("decimal(12,2)"));
        TYPES.put("paid_at", ColumnType.parse("timestamp"));
        TYPES.put("note", ColumnType.parse("varchar(200)"));
        TYPES.put("paid", ColumnType.parse("boolean"));
    }

    private final ApplySql sql = new ApplySql(Vendor.SQLSERVER);
    private final MirrorTables mirrors = new MirrorTables(null, sql, () -> Vendor.SQLSERVER, null);

    @Test
    void shouldCreateTheMirrorAndItsWorkTableOnSqlServerFromTheBatchsTypes() {
        Map<String, String> names = new HashMap<>(mirrors.names(PAYMENTS));
        names.put("column_definitions", mirrors.definitions(PAYMENTS, TYPES, TYPES.keySet()));

        assertThat(sql.statements("raw-create", names).stream().map(MirrorTablesTest::folded))
                .containsExactly(
                        "CREATE TABLE [raw].[payments] ( [payment_id] bigint NOT NULL, [amount] decimal(12,2),"
                                + " [paid_at] datetime2(7), [note] nvarchar(200), [paid] bit,"
                                + " source_version bigint NOT NULL, source_deleted bit NOT NULL DEFAULT 0,"
                                + " loaded_at datetime2(3) NOT NULL,"
                                + " CONSTRAINT [pk_raw_payments] PRIMARY KEY ([payment_id]));",
                        "CREATE TABLE [stg].[incoming_payments] ( [payment_id] bigint NOT NULL,"
                                + " [amount] decimal(12,2), [paid_at] datetime2(7), [note] nvarchar(200), [paid] bit,"
                                + " source_version bigint NOT NULL, source_deleted bit NOT NULL DEFAULT 0,"
                                + " apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0);",
                        "CREATE CLUSTERED INDEX [ix_stg_incoming_payments_token] ON [stg].[incoming_payments] (apply_token);");
    }

    @Test
    void shouldAddANewColumnNullableToBothTablesOnSqlServer() {
        Map<String, String> names = new HashMap<>(mirrors.names(PAYMENTS));
        names.put("column_definition", mirrors.definitions(PAYMENTS, TYPES, List.of("note")));

        assertThat(sql.statements("raw-add-column", names).stream().map(MirrorTablesTest::folded))
                .containsExactly(
                        "ALTER TABLE [raw].[payments] ADD [note] nvarchar(200);",
                        "ALTER TABLE [stg].[incoming_payments] ADD [note] nvarchar(200);");
    }

    @Test
    void shouldLandIntoRawWithTheVersionGuardAndQueueNothingOnSqlServer() {
        Map<String, String> names = new Placeholders(() -> Vendor.SQLSERVER, sql).mirror(PAYMENTS, false);

        List<String> merge = sql.statements("mirror-merge", names).stream()
                .map(MirrorTablesTest::folded)
                .toList();
        assertThat(merge.get(0))
                .isEqualTo("UPDATE t SET source_deleted = 1, source_version = s.source_version, loaded_at = :now"
                        + " FROM [raw].[payments] t JOIN [stg].[incoming_payments] s ON s.[payment_id] = t.[payment_id]"
                        + " WHERE s.apply_token = CAST(:token AS VARCHAR(36)) AND s.applies = 1 AND s.source_deleted = 1"
                        + " AND t.source_version < s.source_version;");
        assertThat(merge.get(1))
                .startsWith("MERGE INTO [raw].[payments] t USING (SELECT * FROM [stg].[incoming_payments]"
                        + " WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1 AND source_deleted = 0) s"
                        + " ON (t.[payment_id] = s.[payment_id])"
                        + " WHEN MATCHED AND t.source_version < s.source_version THEN UPDATE SET [amount] = s.[amount],"
                        + " [paid_at] = s.[paid_at], [note] = s.[note], [paid] = s.[paid], source_deleted = 0,"
                        + " source_version = s.source_version, loaded_at = :now");
        assertThat(folded(sql.statement("mirror-bury", names)))
                .startsWith("INSERT INTO [raw].[payments] ([payment_id], source_version, source_deleted, loaded_at)");
        assertThat(String.join(" ", sql.statements("mirror-mark", names)))
                .contains("FROM [raw].[payments] t")
                .doesNotContain("[stg].[payments]");
    }

    @Test
    void shouldReplayWithTheSameVersionApplyingAgainOnSqlServer() {
        Map<String, String> names = new Placeholders(() -> Vendor.SQLSERVER, sql).mirror(PAYMENTS, true);

        assertThat(folded(sql.statements("mirror-merge", names).get(0)))
                .endsWith("AND t.source_version <= s.source_version;");
    }

    @Test
    void shouldLandABatchOlderThanAColumnItLacksWithoutTouchingTheColumnOnSqlServer() {
        Map<String, MirrorTables.Recorded> known = new LinkedHashMap<>();
        TYPES.forEach((column, type) -> known.put(column, new MirrorTables.Recorded(type.neutral(), null)));
        known.put("note", new MirrorTables.Recorded("varchar(200)", 20L));
        Map<String, ColumnType> carried = new LinkedHashMap<>(TYPES);
        carried.remove("note");
        EntityDefinition older =
                new EntityDefinition("payments", "core.payments", "payment_id", List.copyOf(carried.keySet()));

        MirrorTables.Shape shape = MirrorTables.compare(older, known, carried, batch(15, 19));

        assertThat(shape.landed()).containsExactly("payment_id", "amount", "paid_at", "paid");
        assertThat(shape.staged()).containsExactly("payment_id", "amount", "paid_at", "paid", "note");
        assertThat(shape.added()).isEmpty();
        Map<String, String> names = new Placeholders(() -> Vendor.SQLSERVER, sql).mirror(older, false);
        String merge = folded(sql.statements("mirror-merge", names).get(1));
        assertThat(merge)
                .contains("UPDATE SET [amount] = s.[amount], [paid_at] = s.[paid_at], [paid] = s.[paid],"
                        + " source_deleted = 0")
                .contains("INSERT ([payment_id], [amount], [paid_at], [paid], source_version, source_deleted,"
                        + " loaded_at) VALUES (s.[payment_id], s.[amount], s.[paid_at], s.[paid],")
                .doesNotContain("[note]");
    }

    @Test
    void shouldRefuseABatchThatLacksAColumnAndIsNotOlderThanIt() {
        Map<String, MirrorTables.Recorded> known = new LinkedHashMap<>();
        TYPES.forEach((column, type) -> known.put(column, new MirrorTables.Recorded(type.neutral(), null)));
        known.put("note", new MirrorTables.Recorded("varchar(200)", 20L));
        known.put("paid", new MirrorTables.Recorded("boolean", null));
        Map<String, ColumnType> withoutNote = new LinkedHashMap<>(TYPES);
        withoutNote.remove("note");
        Map<String, ColumnType> withoutPaid = new LinkedHashMap<>(TYPES);
        withoutPaid.remove("paid");

        assertThatThrownBy(() -> MirrorTables.compare(PAYMENTS, known, withoutNote, batch(15, 20)))
                .isInstanceOf(MirrorTables.MirrorDriftException.class)
                .hasMessageContaining(
                        "Column note of raw.payments (mirror entity payments, varchar(200)) is not in" + " batch")
                .hasMessageContaining("its rows reach source version 20, and the column is carried from version 20");
        assertThatThrownBy(() -> MirrorTables.compare(PAYMENTS, known, withoutPaid, batch(1, 2)))
                .isInstanceOf(MirrorTables.MirrorDriftException.class)
                .hasMessageEndingWith("is not in batch b: dropped in the source or taken out of the entity catalog."
                        + " The entity stops here; follow docs/runbook.md, Mirror drift, then replay the DLQ.");
    }

    @Test
    void shouldRefuseABatchOfAnOlderExtractorThatCarriesAColumnNamedLikeABookkeepingColumn() {
        ChangeBatch plain = batch(1);
        ChangeBatch batch = new ChangeBatch(
                plain.schema(),
                plain.batchId(),
                plain.entity(),
                plain.source(),
                plain.extractedAt(),
                plain.watermark(),
                null,
                plain.rows(),
                List.of(new ChangeBatch.Column("payment_id", "bigint"), new ChangeBatch.Column("Applies", "boolean")));

        assertThatThrownBy(() -> MirrorTables.columnsOf(PAYMENTS, batch))
                .isInstanceOf(MirrorTables.MirrorDriftException.class)
                .hasMessageStartingWith("Column Applies of mirror entity payments has the name of a bookkeeping column"
                        + " of raw tables (source_version, source_deleted, loaded_at, apply_token, applies)");
    }

    /** A batch of rows at the given versions. */
    private static ChangeBatch batch(long... versions) {
        List<ChangeBatch.Row> rows = java.util.Arrays.stream(versions)
                .mapToObj(v -> new ChangeBatch.Row(ChangeBatch.Op.upsert, v, v, Map.of()))
                .toList();
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                "b",
                "payments",
                new ChangeBatch.Source("oltp", "core.payments"),
                java.time.Instant.now(),
                new ChangeBatch.Watermark(
                        ChangeBatch.Cursor.START, new ChangeBatch.Cursor(versions[versions.length - 1], 1)),
                null,
                rows,
                null);
    }

    private static String folded(String statement) {
        return statement
                .replaceAll("(?m)^\\s*--.*$", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
