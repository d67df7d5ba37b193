package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.schema.SchemaPlaceholders;
import io.esteira.embedded.schema.DeclaredSchema;
import io.esteira.embedded.schema.SqlServerScripts;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The reader behind {@link SchemaParityIT} sees what the SQL Server scripts declare, and a broken copy differs. */
class SqlServerScriptsTest {

    private static final String SCRIPT =
            """
            -- a comment; with a semicolon
            CREATE TABLE dim.d (
                d_sk   bigint        IDENTITY(1,1),
                d_id   bigint        NOT NULL,
                name   nvarchar(100),
                notes  nvarchar(max) NULL,
                active bit           NOT NULL DEFAULT 0,
                at     datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
                amount decimal(12, 2),
                CONSTRAINT pk_d PRIMARY KEY (d_sk),
                CONSTRAINT ck_d CHECK (d_sk >= 0)
            );
            CREATE UNIQUE INDEX ux_d_id ON dim.d (d_id);
            GO
            CREATE TABLE fact.f (
                f_id bigint NOT NULL,
                d_sk bigint NOT NULL,
                CONSTRAINT pk_f PRIMARY KEY (f_id),
                CONSTRAINT fk_f_d FOREIGN KEY (d_sk) REFERENCES dim.d (d_sk)
            );
            SELECT TOP 0 * INTO stg.incoming_d FROM dim.d;
            ALTER TABLE stg.incoming_d DROP COLUMN at;
            ALTER TABLE stg.incoming_d ADD apply_token varchar(36) NOT NULL, applies bit NOT NULL DEFAULT 0;
            ALTER TABLE stg.incoming_d SET (LOCK_ESCALATION = DISABLE);
            INSERT INTO dim.d (d_id, name) VALUES (1, 'x; y');
            GO
            CREATE VIEW mart.v AS
            SELECT d_id FROM dim.d;
            GO
            """;

    @Test
    void shouldReadColumnsTypesNullabilityAndKeys() {
        DeclaredSchema schema = read(SCRIPT);

        DeclaredSchema.Table d = schema.tables.get("dim.d");
        assertThat(d.columns)
                .containsExactly(
                        Map.entry("d_sk", new DeclaredSchema.Column("bigint", false)),
                        Map.entry("d_id", new DeclaredSchema.Column("bigint", false)),
                        Map.entry("name", new DeclaredSchema.Column("varchar(100)", true)),
                        Map.entry("notes", new DeclaredSchema.Column("text", true)),
                        Map.entry("active", new DeclaredSchema.Column("bool", false)),
                        Map.entry("at", new DeclaredSchema.Column("timestamp(3)", false)),
                        Map.entry("amount", new DeclaredSchema.Column("numeric(12,2)", true)));
        assertThat(d.primaryKey).isEqualTo("(d_sk)");
        assertThat(d.uniqueKeys()).containsExactly("(d_id)");
        assertThat(schema.tables.get("fact.f").foreignKeys()).containsExactly("(d_sk) -> dim.d (d_sk)");
        assertThat(schema.tables.get("stg.incoming_d").columns)
                .containsOnlyKeys("d_sk", "d_id", "name", "notes", "active", "amount", "apply_token", "applies");
        assertThat(schema.tables.get("stg.incoming_d").primaryKey).isNull();
        assertThat(schema.views).containsExactly("mart.v");
    }

    @Test
    void shouldForgetAUniqueIndexItsScriptDropsAndIgnoreTheDropOfAnotherIndex() {
        DeclaredSchema schema = read(
                SCRIPT
                        + """
                CREATE INDEX ix_d_name ON dim.d (name);
                DROP INDEX ix_d_name ON dim.d;
                CREATE UNIQUE INDEX ux_d_name ON dim.d (name);
                DROP INDEX ux_d_id ON dim.d;
                GO
                """);

        assertThat(schema.tables.get("dim.d").uniqueKeys()).containsExactly("(name)");
    }

    @Test
    void shouldReadTheWarehouseScriptsAsDeclaringTheSameAsThemselves() {
        DeclaredSchema scripts = SqlServerScripts.declared(Migrations.sqlServerScripts());

        assertThat(scripts.tables).containsKeys("dim.dim_cliente", "fact.fact_vendas", "stg.incoming_orders");
        assertThat(scripts.differences("scripts", SqlServerScripts.declared(Migrations.sqlServerScripts()), "again"))
                .isEmpty();
    }

    @Test
    void shouldReportEachDifferenceOfADeliberatelyBrokenCopyOfTheWarehouseScripts() {
        DeclaredSchema intact = SqlServerScripts.declared(Migrations.sqlServerScripts());
        DeclaredSchema broken = SqlServerScripts.declared(broken("common/V5__staging.sql", sql -> sql.replaceFirst(
                        "source_version bigint(\\s+)NOT NULL", "source_version bigint$1")
                .replaceFirst("(CREATE TABLE stg.teams \\(\\s+team_id\\s+bigint\\s+NOT NULL,\\s+)name", "$1team_name")
                .replaceFirst("country(\\s+)nvarchar\\(50\\)", "country$1nvarchar(60)")));

        assertThat(intact.differences("intact", broken, "broken"))
                .contains(
                        "column stg.teams.name only on intact",
                        "column stg.teams.team_name only on broken",
                        "column stg.regions.country: varchar(50) null on intact, varchar(60) null on broken")
                .contains("column stg.regions.source_version: bigint not null on intact, bigint null on broken");
    }

    @Test
    void shouldReportAMissingKeyAndAMissingTable() {
        DeclaredSchema intact = SqlServerScripts.declared(Migrations.sqlServerScripts());
        DeclaredSchema broken = SqlServerScripts.declared(broken(
                "common/V4__facts.sql",
                sql -> sql.replace(
                        "    CONSTRAINT fk_fact_metas_vendedor FOREIGN KEY (vendedor_sk) REFERENCES dim.dim_vendedor (vendedor_sk),\n",
                        "")));

        assertThat(intact.differences("intact", broken, "broken"))
                .containsExactly(
                        "foreign key of fact.fact_metas (vendedor_sk) -> dim.dim_vendedor (vendedor_sk) only on intact");
        DeclaredSchema withoutView = read(SCRIPT.replace("CREATE VIEW mart.v AS\nSELECT d_id FROM dim.d;\nGO\n", ""));
        assertThat(read(SCRIPT).differences("intact", withoutView, "broken"))
                .containsExactly("view mart.v only on intact");
    }

    @Test
    void shouldRefuseDdlItCannotRead() {
        assertThatThrownBy(() -> read("CREATE SEQUENCE ctl.s START WITH 1;"))
                .hasMessageContaining("SqlServerScripts cannot read this statement");
        assertThatThrownBy(() -> read("EXEC sp_rename 'stg.regions.name', 'region_name', 'COLUMN';"))
                .hasMessageContaining("SqlServerScripts cannot read this statement");
        assertThatThrownBy(() -> read("IF OBJECT_ID(N'stg.x') IS NULL EXEC(N'CREATE TABLE stg.x (a int)');"))
                .hasMessageContaining("SqlServerScripts cannot read this statement");
    }

    @Test
    void shouldPassOverADefaultDroppedByItsGeneratedNameAndOneAddedByNameButNoOtherDynamicDdl() {
        DeclaredSchema schema = read(
                SCRIPT
                        + """
                DECLARE @drop_default nvarchar(400) = N'ALTER TABLE dim.d DROP CONSTRAINT ' + QUOTENAME(
                    (SELECT dc.name
                     FROM sys.default_constraints dc
                     JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id
                     WHERE dc.parent_object_id = OBJECT_ID(N'dim.d') AND c.name = N'active'));
                EXEC sp_executesql @drop_default;
                ALTER TABLE dim.d ADD CONSTRAINT df_d_active DEFAULT 1 FOR active;
                """);

        assertThat(schema.tables.get("dim.d").columns)
                .containsEntry("active", new DeclaredSchema.Column("bool", false))
                .hasSize(7);
        assertThat(schema.tables.get("dim.d").constraints).doesNotContainKey("df_d_active");
        assertThatThrownBy(() -> read(
                        "DECLARE @drop nvarchar(400) = N'DROP TABLE ' + QUOTENAME((SELECT t.name FROM sys.tables t));"))
                .hasMessageContaining("SqlServerScripts cannot read this statement");
        assertThatThrownBy(() -> read(SCRIPT + "ALTER TABLE dim.d ADD CONSTRAINT df_d_name DEFAULT 1;"))
                .hasMessageContaining("cannot read the constraint");
    }

    @Test
    void shouldPassOverProceduresAndTriggersWhichDeclareNoTable() {
        DeclaredSchema schema = read(
                SCRIPT
                        + """
                CREATE OR ALTER PROCEDURE ctl.p AS
                BEGIN
                    CREATE TABLE #work (a int);
                    SELECT 1;
                END;
                GO
                CREATE TRIGGER dim.t ON dim.d AFTER DELETE AS
                    THROW 50000, 'no', 1;
                GO
                """);

        assertThat(schema.tables).containsOnlyKeys("dim.d", "fact.f", "stg.incoming_d");
    }

    @Test
    void shouldRefuseAPlaceholderWithoutASqlServerValue() {
        assertThatThrownBy(
                        () -> SqlServerScripts.render("a ${uuid} b", SchemaPlaceholders.of("sqlserver"), "V99__x.sql"))
                .hasMessageContaining("V99__x.sql uses the placeholder ${uuid}");
    }

    private static DeclaredSchema read(String sql) {
        return SqlServerScripts.declared(List.of(new SqlServerScripts.Script("test.sql", sql)));
    }

    private static List<SqlServerScripts.Script> broken(String name, UnaryOperator<String> change) {
        return SqlServerScripts.withChanged(Migrations.sqlServerScripts(), name, change);
    }
}
