package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.schema.Descriptions;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.schema.SqlServerDescriptions;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every schema, table, view and column of a migrated PostgreSQL warehouse (the reference) is described,
 * on PostgreSQL and for SQL Server, object for object, and no description names an object the warehouse
 * lacks — without a SQL Server. Descriptions come from {@value DwSchema#DESCRIPTIONS} (applied to both
 * vendors by {@code R__describe_objects}) and, for a migration that describes its own objects in SQL, from
 * its {@code COMMENT ON} or {@code sp_addextendedproperty} ({@link SqlServerDescriptions} reads the SQL
 * Server scripts). {@code DwSchemaSqlServerIT} checks the same on a real SQL Server where Docker exists.
 *
 * <p>Left out, each for a reason: {@code ctl.flyway_schema_history} is Flyway's bookkeeping, not ours
 * (the data dictionary leaves it out too); {@code ctl.qrtz_*}, the extractors' Quartz job store, is
 * created and described by the Java migration {@code V30__quartz_job_store} from Quartz's own DDL per
 * vendor (on PostgreSQL those descriptions are still checked below).
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
                .as("objects without a description: add one to " + DwSchema.DESCRIPTIONS)
                .isEmpty();
    }

    @Test
    void shouldDescribeOnlyObjectsTheWarehouseHas() {
        Set<String> unknown =
                new TreeSet<>(Descriptions.load(DwSchema.DESCRIPTIONS).objects());
        unknown.removeAll(objects(reference));

        assertThat(unknown)
                .as(DwSchema.DESCRIPTIONS + " describes objects the migrated warehouse does not have"
                        + " (a misspelt name, a table listed as a view, or a column a migration dropped)")
                .isEmpty();
    }

    @Test
    void shouldDescribeForSqlServerEveryObjectOfThePostgresqlWarehouse() {
        Set<String> missing = new TreeSet<>(objects(reference));
        missing.removeAll(sqlServerDescriptions());
        missing.removeIf(object -> object.contains(" " + QUARTZ));

        assertThat(missing)
                .as("objects of the PostgreSQL warehouse that SQL Server would not describe: add them to "
                        + DwSchema.DESCRIPTIONS + " (or to a new SQL Server migration's sp_addextendedproperty)")
                .isEmpty();
    }

    @Test
    void shouldDescribeForSqlServerOnlyObjectsThePostgresqlWarehouseHas() {
        Set<String> extra = new TreeSet<>(sqlServerDescriptions());
        extra.removeAll(objects(reference));

        assertThat(extra)
                .as("objects described for SQL Server that the PostgreSQL reference does not have"
                        + " (a name that differs between the vendors, or a column only one of them has)")
                .isEmpty();
    }

    /** What a migrated SQL Server warehouse describes: the scripts' own descriptions, then the common ones. */
    private static Set<String> sqlServerDescriptions() {
        Set<String> described = new TreeSet<>(SqlServerDescriptions.ofMigrations("db/dw"));
        described.addAll(Descriptions.load(DwSchema.DESCRIPTIONS).objects());
        return described;
    }

    /** Every schema, table, view and column of the dictionary, named as {@link DataDictionary#uncommented()} names them. */
    static Set<String> objects(DataDictionary dictionary) {
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
