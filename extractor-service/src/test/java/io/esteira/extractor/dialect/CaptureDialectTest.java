package io.esteira.extractor.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureDialectTest {

    private static final EntityDefinition REGIONS =
            new EntityDefinition("regions", "core.regions", "region_id", List.of("region_id", "name"));

    /** The statement as the database receives it, without comments and with whitespace folded. */
    private static String rendered(Vendor vendor, String windowColumn) {
        return CaptureDialect.of(vendor)
                .capturePage(REGIONS, windowColumn)
                .replaceAll("(?m)^--.*$", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    @Test
    void shouldBoundPostgresCaptureBelowTheOldestRunningTransaction() {
        assertThat(rendered(Vendor.POSTGRESQL, null))
                .isEqualTo(
                        "WITH bound AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS upper_xid) SELECT c.* FROM ("
                                + " SELECT 'upsert' AS esteira_op, t.\"region_id\" AS esteira_key,"
                                + " t.row_version::text::bigint AS esteira_version, t.\"region_id\" AS \"region_id\","
                                + " t.\"name\" AS \"name\" FROM \"core\".\"regions\" t CROSS JOIN bound b"
                                + " WHERE (t.row_version, t.\"region_id\") > (:from_version::text::xid8, :from_key)"
                                + " AND (t.row_version, t.\"region_id\") <= (:to_version::text::xid8, :to_key)"
                                + " AND t.row_version < b.upper_xid"
                                + " UNION ALL SELECT 'delete', d.row_key, d.row_version::text::bigint,"
                                + " NULL AS \"region_id\", NULL AS \"name\" FROM \"core\".\"deleted_rows\" d CROSS JOIN bound b"
                                + " WHERE d.table_name = :table_name"
                                + " AND (d.row_version, d.row_key) > (:from_version::text::xid8, :from_key)"
                                + " AND (d.row_version, d.row_key) <= (:to_version::text::xid8, :to_key)"
                                + " AND d.row_version < b.upper_xid ) c"
                                + " ORDER BY c.esteira_version, c.esteira_key LIMIT :max_rows");
    }

    @Test
    void shouldBoundSqlServerCaptureBelowMinActiveRowversion() {
        assertThat(rendered(Vendor.SQLSERVER, null))
                .isEqualTo("SELECT TOP (:max_rows) c.* FROM ("
                        + " SELECT 'upsert' AS esteira_op, t.[region_id] AS esteira_key,"
                        + " CAST(t.row_version AS BIGINT) AS esteira_version, t.[region_id] AS [region_id],"
                        + " t.[name] AS [name] FROM [core].[regions] t"
                        + " WHERE (t.row_version > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.row_version = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND t.[region_id] > :from_key))"
                        + " AND (t.row_version < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (t.row_version = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND t.[region_id] <= :to_key))"
                        + " AND t.row_version < MIN_ACTIVE_ROWVERSION()"
                        + " UNION ALL SELECT 'delete', d.row_key, CAST(d.row_version AS BIGINT),"
                        + " NULL AS [region_id], NULL AS [name] FROM [core].[deleted_rows] d"
                        + " WHERE d.table_name = :table_name"
                        + " AND (d.row_version > CAST(CAST(:from_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.row_version = CAST(CAST(:from_version AS BIGINT) AS BINARY(8)) AND d.row_key > :from_key))"
                        + " AND (d.row_version < CAST(CAST(:to_version AS BIGINT) AS BINARY(8))"
                        + " OR (d.row_version = CAST(CAST(:to_version AS BIGINT) AS BINARY(8)) AND d.row_key <= :to_key))"
                        + " AND d.row_version < MIN_ACTIVE_ROWVERSION() ) c"
                        + " ORDER BY c.esteira_version, c.esteira_key");
    }

    @Test
    void shouldFilterATimeWindowOnTheQuotedColumnAndTombstonesOnDeletedAt() {
        String sql = rendered(Vendor.SQLSERVER, "updated_at");
        assertThat(sql)
                .contains("AND t.[updated_at] >= :window_from AND t.[updated_at] < :window_to")
                .contains("AND d.deleted_at >= :window_from AND d.deleted_at < :window_to");
        assertThat(rendered(Vendor.H2, "updated_at"))
                .contains("AND t.\"updated_at\" >= :window_from AND t.\"updated_at\" < :window_to");
    }

    @Test
    void shouldRefuseAWindowColumnThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> CaptureDialect.of(Vendor.POSTGRESQL).capturePage(REGIONS, "x;DROP TABLE y--"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x;DROP TABLE y--");
    }

    @Test
    void shouldChooseTheDialectFromTheJdbcUrl() {
        assertThat(CaptureDialect.forJdbcUrl("jdbc:sqlserver://db:1433;databaseName=oltp")
                        .sql()
                        .vendor())
                .isEqualTo(Vendor.SQLSERVER);
        assertThatThrownBy(() -> CaptureDialect.forJdbcUrl("jdbc:mysql://db/oltp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not supported");
    }
}
