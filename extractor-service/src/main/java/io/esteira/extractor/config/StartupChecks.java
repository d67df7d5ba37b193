package io.esteira.extractor.config;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a configuration that cannot work: an entity override that names no catalog
 * entity, an OLTP table or column the catalog needs that does not exist, or a DW without
 * {@code ctl.etl_control}. Each message names the thing and what to do.
 */
@Component
public class StartupChecks implements InitializingBean {

    private final ExtractorProperties properties;
    private final EntityCatalog catalog;
    private final DataSource oltp;
    private final DataSource dw;

    public StartupChecks(
            ExtractorProperties properties,
            EntityCatalog catalog,
            @Qualifier("oltp") DataSource oltp,
            @Qualifier("dw") DataSource dw) {
        this.properties = properties;
        this.catalog = catalog;
        this.oltp = oltp;
        this.dw = dw;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        Set<String> names = new TreeSet<>();
        catalog.loadOrder().forEach(e -> names.add(e.name()));
        Set<String> unknown = properties.unknownEntities(names);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(
                    "esteira.extractor.entities names unknown entities " + unknown + "; known entities are " + names);
        }
        List<String> problems = new ArrayList<>();
        try (Connection connection = oltp.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (EntityDefinition entity : catalog.loadOrder()) {
                if (properties.enabledInConfig(entity.name())) {
                    problems.addAll(missingColumns(meta, entity));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The OLTP at esteira.oltp.url does not have what the extractor reads: "
                    + String.join("; ", problems)
                    + ". Migrate the reference schema (esteira-local.jar oltp init) or disable the entity with"
                    + " esteira.extractor.entities.<name>.enabled=false");
        }
        try {
            new JdbcTemplate(dw).queryForObject("SELECT COUNT(*) FROM ctl.etl_control", Long.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The DW at esteira.dw.url has no readable ctl.etl_control (" + e.getMessage()
                            + "); start loader-service once to migrate the DW schema",
                    e);
        }
    }

    static List<String> missingColumns(DatabaseMetaData meta, EntityDefinition entity) throws SQLException {
        String[] parts = entity.table().split("\\.");
        String schema = parts.length > 1 ? parts[0] : null;
        String table = parts[parts.length - 1];
        Set<String> present = new TreeSet<>();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            String schemaPattern =
                    schema == null ? null : candidate.equals(table) ? schema : schema.toUpperCase(Locale.ROOT);
            try (ResultSet columns = meta.getColumns(null, schemaPattern, candidate, null)) {
                while (columns.next()) {
                    present.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!present.isEmpty()) {
                break;
            }
        }
        if (present.isEmpty()) {
            return List.of("table " + entity.table() + " (entity " + entity.name() + ") does not exist");
        }
        List<String> problems = new ArrayList<>();
        List<String> needed = new ArrayList<>(entity.columns());
        needed.add(entity.keyColumn());
        needed.add("row_version");
        for (String column : needed) {
            if (!present.contains(column.toLowerCase(Locale.ROOT))) {
                problems.add(
                        "column " + entity.table() + "." + column + " (entity " + entity.name() + ") does not exist");
            }
        }
        return problems;
    }
}
