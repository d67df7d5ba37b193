package io.esteira.local.stack;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business content of a PostgreSQL warehouse, comparable between two runs of the pipeline: each
 * landing table of the star's entities, dimension, fact and KPI view as a sorted list of rows, every column
 * but those that say when or in which order the run wrote (load times, version intervals, source change
 * order, the source's own audit stamps). A surrogate key is shown as the natural key of the member it
 * points at, so that two warehouses that numbered their members differently compare equal.
 */
final class StarContent {

    private static final SqlDialect POSTGRES = () -> Vendor.POSTGRESQL;

    /** The schemas of the star: every table and view in them is compared. */
    private static final List<String> STAR_SCHEMAS = List.of("dim", "fact", "mart");

    /** Columns that depend on when the run happened, not on what the source holds. */
    private static final Set<String> RUN_COLUMNS = Set.of(
            "carregado_em",
            "valido_de",
            "valido_ate",
            "versao_origem",
            "source_version",
            "loaded_at",
            // the derive queue row of the batch that last changed a mirror row (the loader's db/dw/common/V100)
            "queue_id",
            "created_at",
            "updated_at");

    private StarContent() {}

    /**
     * Relation → its rows: the landing tables of the catalog's entities, then every table and view of the
     * star's schemas ({@code dim}, {@code fact}, {@code mart}), by name.
     */
    static Map<String, List<String>> of(DataSource dw, EntityCatalog catalog) {
        JdbcTemplate warehouse = new JdbcTemplate(dw);
        List<String> relations = new ArrayList<>();
        catalog.names().forEach(entity -> relations.add(catalog.landingTable(entity)));
        for (String schema : STAR_SCHEMAS) {
            relations.addAll(warehouse.queryForList(
                    "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema = ?"
                            + " ORDER BY table_name",
                    String.class,
                    schema));
        }
        Map<String, List<String>> content = new LinkedHashMap<>();
        for (String relation : relations) {
            String[] parts = relation.split("\\.");
            List<String> columns = warehouse.queryForList(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                            + " ORDER BY ordinal_position",
                    String.class,
                    parts[0],
                    parts[1]);
            String select = columns.stream()
                    .filter(column -> !RUN_COLUMNS.contains(column))
                    .filter(column -> column.equals("data_sk") || !column.equals(parts[1].replace("dim_", "") + "_sk"))
                    .map(StarContent::business)
                    .collect(Collectors.joining(", "));
            List<String> rows = new ArrayList<>(warehouse.query(
                    "SELECT " + select + " FROM " + POSTGRES.quoteQualifiedName(relation) + " t", (rs, n) -> {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            values.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                        }
                        return String.join(" ", values);
                    }));
            rows.sort(null);
            content.put(relation, rows);
        }
        return content;
    }

    /** The column itself, or for a surrogate key ({@code cliente_sk}) its member's natural key. */
    private static String business(String column) {
        if (!column.endsWith("_sk") || column.equals("data_sk")) {
            return "t." + POSTGRES.quoteIdentifier(column);
        }
        String member = column.substring(0, column.length() - "_sk".length());
        return "(SELECT d." + POSTGRES.quoteIdentifier(member + "_id") + " FROM "
                + POSTGRES.quoteQualifiedName("dim.dim_" + member) + " d WHERE d." + POSTGRES.quoteIdentifier(column)
                + " = t." + POSTGRES.quoteIdentifier(column) + ") AS " + POSTGRES.quoteIdentifier(member + "_id_of_sk");
    }
}
