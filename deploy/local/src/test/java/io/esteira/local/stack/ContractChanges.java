package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changes to a PostgreSQL OLTP written in the contract's names (entity, key, contract columns) and run
 * under the source's own names, through each entity's {@link SourceMapping}: the same script ({@code
 * renamed-source/changes.yml}, whose header describes its steps) changes the reference schema and a renamed
 * copy of it alike. Every change must touch a row (a script that misses one fails where it is written), and
 * is remembered, so that {@link #assertLanded} can check that each reached the warehouse's landing table
 * ({@code stg.<table>}, contract names) as written.
 */
final class ContractChanges {

    private static final SqlDialect POSTGRES = () -> Vendor.POSTGRESQL;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A timestamp of a script: {@code recent}, {@code recent+PT1H}, {@code recent-P10D}. */
    private static final Pattern RECENT = Pattern.compile("recent(?:([+-])(P.+))?");

    /** What the changes of one row left in the landing table: these column values on the row of this key. */
    private record Expected(String entity, long key, Map<String, Object> values, String changes) {}

    private final JdbcTemplate source;
    private final EntityCatalog catalog;
    private final LocalDateTime recent;
    /** By entity and key: a row's later changes amend (update) or replace (hard delete) what it expects. */
    private final Map<String, Expected> expected = new LinkedHashMap<>();

    /** @param recent what a script's {@code recent} stands for */
    ContractChanges(DataSource source, EntityCatalog catalog, LocalDateTime recent) {
        this.source = new JdbcTemplate(source);
        this.catalog = catalog;
        this.recent = recent;
    }

    /** The sections of a script, by name. */
    static JsonNode script(String yaml) throws IOException {
        return YAML.readTree(yaml);
    }

    /** Runs the steps of a script's section, in order. */
    void run(JsonNode steps) {
        for (JsonNode step : steps) {
            long key = step.required("key").asLong();
            if (step.has("insert")) {
                insert(step.get("insert").asText(), key, values(step.required("values")));
            } else if (step.has("update")) {
                update(step.get("update").asText(), key, values(step.required("values")), "update");
            } else if (step.has("soft-delete")) {
                update(
                        step.get("soft-delete").asText(),
                        key,
                        Map.of("deleted_at", value(step.required("at"))),
                        "soft delete");
            } else if (step.has("hard-delete")) {
                hardDelete(step.get("hard-delete").asText(), key);
            } else if (step.has("add")) {
                add(
                        step.get("add").asText(),
                        step.required("column").asText(),
                        step.required("delta").asInt(),
                        key,
                        step.required("to").asLong());
            } else {
                throw new IllegalArgumentException("Step " + step + " is none of insert, update, soft-delete,"
                        + " hard-delete, add; write one of them with the entity.");
            }
        }
    }

    private Map<String, Object> values(JsonNode values) {
        Map<String, Object> row = new LinkedHashMap<>();
        values.fields().forEachRemaining(column -> row.put(column.getKey(), value(column.getValue())));
        return row;
    }

    private Object value(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        Matcher timestamp = RECENT.matcher(value.asText());
        if (!timestamp.matches()) {
            return value.asText();
        }
        if (timestamp.group(1) == null) {
            return recent;
        }
        String amount = timestamp.group(2);
        // Period for days and more (P10D), Duration for hours and less (PT1H).
        TemporalAmount offset = amount.startsWith("PT") ? Duration.parse(amount) : Period.parse(amount);
        return timestamp.group(1).equals("+") ? recent.plus(offset) : recent.minus(offset);
    }

    private void insert(String entity, long key, Map<String, Object> values) {
        SourceMapping mapping = catalog.get(entity).source();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(catalog.get(entity).keyColumn(), key);
        row.putAll(values);
        String columns = row.keySet().stream()
                .map(column -> POSTGRES.quoteIdentifier(mapping.column(column)))
                .collect(Collectors.joining(", "));
        String parameters = row.keySet().stream().map(column -> "?").collect(Collectors.joining(", "));
        run(
                entity,
                key,
                "insert",
                "INSERT INTO " + table(mapping) + " (" + columns + ") VALUES (" + parameters + ")",
                row.values().toArray());
        Map<String, Object> landed = new LinkedHashMap<>(values);
        landed.put("source_deleted", false);
        expect(entity, key, landed, "insert", false);
    }

    private void update(String entity, long key, Map<String, Object> values, String change) {
        SourceMapping mapping = catalog.get(entity).source();
        String set = values.keySet().stream()
                .map(column -> POSTGRES.quoteIdentifier(mapping.column(column)) + " = ?")
                .collect(Collectors.joining(", "));
        List<Object> parameters = new ArrayList<>(values.values());
        parameters.add(key);
        run(
                entity,
                key,
                change,
                "UPDATE " + table(mapping) + " SET " + set + " WHERE " + key(mapping) + " = ?",
                parameters.toArray());
        expect(entity, key, values, change, false);
    }

    /** Adds {@code delta} to an integer column of every row whose key is in [from, to], in one statement. */
    private void add(String entity, String column, int delta, long from, long to) {
        SourceMapping mapping = catalog.get(entity).source();
        String quoted = POSTGRES.quoteIdentifier(mapping.column(column));
        run(
                entity,
                from,
                "update of keys " + from + " to " + to,
                "UPDATE " + table(mapping) + " SET " + quoted + " = " + quoted + " + ? WHERE " + key(mapping)
                        + " BETWEEN ? AND ?",
                delta,
                from,
                to);
    }

    /** Hard-deletes one row; its tombstone trigger records it. */
    private void hardDelete(String entity, long key) {
        SourceMapping mapping = catalog.get(entity).source();
        run(entity, key, "delete", "DELETE FROM " + table(mapping) + " WHERE " + key(mapping) + " = ?", key);
        expect(entity, key, Map.of("source_deleted", true), "hard delete", true);
    }

    /** Every insert, update and delete of this script is in the warehouse's landing table as written. */
    void assertLanded(DataSource dw) {
        JdbcTemplate warehouse = new JdbcTemplate(dw);
        for (Expected change : expected.values()) {
            EntityDefinition entity = catalog.get(change.entity());
            String where = change.values().keySet().stream()
                    .map(column -> POSTGRES.quoteIdentifier(column) + " = ?")
                    .collect(Collectors.joining(" AND "));
            List<Object> parameters = new ArrayList<>();
            parameters.add(change.key());
            parameters.addAll(change.values().values());
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM " + POSTGRES.quoteQualifiedName(catalog.landingTable(entity.name()))
                                    + " WHERE " + POSTGRES.quoteIdentifier(entity.keyColumn()) + " = ? AND " + where,
                            Integer.class,
                            parameters.toArray()))
                    .as("%s of %s %s landed as %s", change.changes(), change.entity(), change.key(), change.values())
                    .isOne();
        }
    }

    private void expect(String entity, long key, Map<String, Object> values, String change, boolean replaces) {
        expected.merge(entity + " " + key, new Expected(entity, key, values, change), (earlier, later) -> {
            Map<String, Object> merged = new LinkedHashMap<>(replaces ? Map.of() : earlier.values());
            merged.putAll(later.values());
            return new Expected(entity, key, merged, earlier.changes() + ", " + change);
        });
    }

    private void run(String entity, long key, String change, String sql, Object... parameters) {
        assertThat(source.update(sql, parameters))
                .as("%s %s of %s touched a row (%s)", change, key, entity, sql)
                .isPositive();
    }

    private static String table(SourceMapping mapping) {
        return POSTGRES.quoteQualifiedName(mapping.table());
    }

    private static String key(SourceMapping mapping) {
        return POSTGRES.quoteIdentifier(mapping.keyColumn());
    }
}
