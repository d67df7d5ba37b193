package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every schema, table, view and column of a migrated PostgreSQL warehouse (the reference) is described
 * on PostgreSQL and in the SQL Server migrations, object for object — without a SQL Server: its
 * descriptions are read from the scripts ({@link SqlServerDescriptions}). {@code DwSchemaSqlServerIT}
 * checks the same on a real SQL Server where Docker exists; this test fails here first.
 *
 * <p>Left out, each for a reason: {@code ctl.flyway_schema_history} is Flyway's bookkeeping, not ours
 * (the data dictionary leaves it out too); {@code ctl.qrtz_*}, the extractors' Quartz job store, is
 * created and described by the Java migration {@code V30__quartz_job_store} from Quartz's own DDL per
 * vendor, so no script holds those descriptions (on PostgreSQL they are still checked below).
 */
class DescriptionParityIT {

    /** Objects that V30__quartz_job_store (Java, not a script) creates and describes. */
    private static final String QUARTZ = "ctl.qrtz_";

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_descriptions");

    private static DataDictionary reference;

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
        reference = DataDictionary.read(dw.dataSource());
    }

    @Test
    void shouldDescribeEverySchemaTableViewAndColumnOnPostgresql() {
        assertThat(reference.uncommented())
                .as("objects without COMMENT ON in db/dw/postgresql")
                .isEmpty();
    }

    @Test
    void shouldDescribeInTheSqlServerMigrationsEveryObjectOfThePostgresqlWarehouse() {
        Set<String> missing = new TreeSet<>(objects(reference));
        missing.removeAll(SqlServerDescriptions.ofMigrations());
        missing.removeIf(object -> object.contains(" " + QUARTZ));

        assertThat(missing)
                .as("objects of the PostgreSQL warehouse without sys.sp_addextendedproperty @name = N'MS_Description'"
                        + " in db/dw/sqlserver (add one to a new migration, never to a released one)")
                .isEmpty();
    }

    @Test
    void shouldDescribeInTheSqlServerMigrationsOnlyObjectsThePostgresqlWarehouseHas() {
        Set<String> extra = new TreeSet<>(SqlServerDescriptions.ofMigrations());
        extra.removeAll(objects(reference));

        assertThat(extra)
                .as("objects described in db/dw/sqlserver that the PostgreSQL reference does not have"
                        + " (a name that differs between the vendors, or a column only one of them has)")
                .isEmpty();
    }

    /** Every schema, table, view and column of the dictionary, named as {@link DataDictionary#uncommented()} names them. */
    private static Set<String> objects(DataDictionary dictionary) {
        Set<String> objects = new TreeSet<>();
        for (DataDictionary.Schema schema : dictionary.schemas()) {
            objects.add("schema " + schema.name());
            for (DataDictionary.Relation relation : schema.relations()) {
                objects.add(relation.kind().label() + " " + relation.qualifiedName());
                for (DataDictionary.Column column : relation.columns()) {
                    objects.add("column " + relation.qualifiedName() + "." + column.name());
                }
            }
        }
        return objects;
    }
}
