package io.esteira.contracts.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.dialect.Vendor;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {

    @Test
    void shouldMapPostgresSourceTypesToTheNeutralVocabulary() {
        assertThat(neutral(Vendor.POSTGRESQL, "bigint", null, 64, 0)).isEqualTo("bigint");
        assertThat(neutral(Vendor.POSTGRESQL, "integer", null, 32, 0)).isEqualTo("integer");
        assertThat(neutral(Vendor.POSTGRESQL, "numeric", null, 12, 2)).isEqualTo("decimal(12,2)");
        assertThat(neutral(Vendor.POSTGRESQL, "numeric", null, null, null)).isEqualTo("decimal");
        assertThat(neutral(Vendor.POSTGRESQL, "double precision", null, 53, null))
                .isEqualTo("double");
        assertThat(neutral(Vendor.POSTGRESQL, "timestamp without time zone", null, null, null))
                .isEqualTo("timestamp");
        assertThat(neutral(Vendor.POSTGRESQL, "character varying", 40, null, null))
                .isEqualTo("varchar(40)");
        assertThat(neutral(Vendor.POSTGRESQL, "character varying", null, null, null))
                .isEqualTo("text");
        assertThat(neutral(Vendor.POSTGRESQL, "character", 4, null, null)).isEqualTo("char(4)");
        assertThat(neutral(Vendor.POSTGRESQL, "timestamp with time zone", null, null, null))
                .isEqualTo("timestamptz");
        assertThat(neutral(Vendor.POSTGRESQL, "time without time zone", null, null, null))
                .isEqualTo("time");
        assertThat(neutral(Vendor.POSTGRESQL, "uuid", null, null, null)).isEqualTo("uuid");
        for (String refused : new String[] {"time with time zone", "jsonb", "bytea", "interval", "ARRAY"}) {
            assertThat(ColumnType.ofSource(Vendor.POSTGRESQL, refused, null, null, null))
                    .as(refused)
                    .isNull();
        }
    }

    @Test
    void shouldMapSqlServerSourceTypesToTheNeutralVocabulary() {
        assertThat(neutral(Vendor.SQLSERVER, "int", null, 10, 0)).isEqualTo("integer");
        assertThat(neutral(Vendor.SQLSERVER, "tinyint", null, 3, 0)).isEqualTo("smallint");
        assertThat(neutral(Vendor.SQLSERVER, "bit", null, null, null)).isEqualTo("boolean");
        assertThat(neutral(Vendor.SQLSERVER, "money", null, 19, 4)).isEqualTo("decimal(19,4)");
        assertThat(neutral(Vendor.SQLSERVER, "float", null, 53, null)).isEqualTo("double");
        assertThat(neutral(Vendor.SQLSERVER, "float", null, 24, null)).isEqualTo("real");
        assertThat(neutral(Vendor.SQLSERVER, "datetime2", null, null, null)).isEqualTo("timestamp");
        assertThat(neutral(Vendor.SQLSERVER, "nvarchar", 100, null, null)).isEqualTo("varchar(100)");
        assertThat(neutral(Vendor.SQLSERVER, "nvarchar", -1, null, null)).isEqualTo("text");
        assertThat(neutral(Vendor.SQLSERVER, "datetimeoffset", null, null, null))
                .isEqualTo("timestamptz");
        assertThat(neutral(Vendor.SQLSERVER, "time", null, null, null)).isEqualTo("time");
        assertThat(neutral(Vendor.SQLSERVER, "uniqueidentifier", 16, null, null))
                .isEqualTo("uuid");
        for (String refused : new String[] {"varbinary", "binary", "xml", "sql_variant", "hierarchyid"}) {
            assertThat(ColumnType.ofSource(Vendor.SQLSERVER, refused, null, null, null))
                    .as(refused)
                    .isNull();
        }
    }

    @Test
    void shouldCreateEachNeutralTypeExactlyOnEitherWarehouse() {
        assertThat(ddl("decimal(12,2)", Vendor.POSTGRESQL)).isEqualTo("numeric(12,2)");
        assertThat(ddl("decimal(12,2)", Vendor.SQLSERVER)).isEqualTo("decimal(12,2)");
        assertThat(ddl("timestamp", Vendor.POSTGRESQL)).isEqualTo("timestamp");
        assertThat(ddl("timestamp", Vendor.SQLSERVER)).isEqualTo("datetime2(7)");
        assertThat(ddl("boolean", Vendor.SQLSERVER)).isEqualTo("bit");
        assertThat(ddl("timestamptz", Vendor.POSTGRESQL)).isEqualTo("timestamptz");
        assertThat(ddl("timestamptz", Vendor.SQLSERVER)).isEqualTo("datetimeoffset(7)");
        assertThat(ddl("time", Vendor.POSTGRESQL)).isEqualTo("time");
        assertThat(ddl("time", Vendor.SQLSERVER)).isEqualTo("time(7)");
        assertThat(ddl("uuid", Vendor.POSTGRESQL)).isEqualTo("uuid");
        assertThat(ddl("uuid", Vendor.SQLSERVER)).isEqualTo("uniqueidentifier");
        assertThat(ddl("double", Vendor.POSTGRESQL)).isEqualTo("double precision");
        assertThat(ddl("varchar(40)", Vendor.SQLSERVER)).isEqualTo("nvarchar(40)");
        assertThat(ddl("varchar(8000)", Vendor.SQLSERVER)).isEqualTo("nvarchar(max)");
        assertThat(ddl("char(4)", Vendor.POSTGRESQL)).isEqualTo("char(4)");
        assertThat(ddl("text", Vendor.SQLSERVER)).isEqualTo("nvarchar(max)");
        assertThat(ddl("decimal", Vendor.POSTGRESQL)).isEqualTo("numeric");
        assertThatThrownBy(() -> ddl("decimal", Vendor.SQLSERVER))
                .hasMessageContaining("give the source column a precision and scale");
    }

    @Test
    void shouldReadBackWhatItWritesAndRefuseAnythingElse() {
        for (String type : new String[] {
            "bigint",
            "decimal(12,2)",
            "decimal",
            "varchar(40)",
            "char(1)",
            "text",
            "timestamp",
            "timestamptz",
            "time",
            "uuid"
        }) {
            assertThat(ColumnType.parse(type).neutral()).isEqualTo(type);
        }
        assertThatThrownBy(() -> ColumnType.parse("varchar(40); DROP TABLE x"))
                .hasMessageContaining("is not a mirror column type");
        assertThatThrownBy(() -> ColumnType.parse("jsonb")).hasMessageContaining("is not a mirror column type");
    }

    private static String neutral(Vendor vendor, String type, Integer length, Integer precision, Integer scale) {
        return ColumnType.ofSource(vendor, type, length, precision, scale).neutral();
    }

    private static String ddl(String neutral, Vendor vendor) {
        return ColumnType.parse(neutral).ddl(vendor);
    }
}
