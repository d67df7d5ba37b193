package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.schema.Descriptions;
import io.esteira.embedded.schema.DeclaredSchema;
import io.esteira.embedded.schema.SqlServerDescriptions;
import io.esteira.embedded.schema.SqlServerScripts;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The comparison behind {@link OltpSchemaParityIT} sees what the OLTP's SQL Server scripts declare, and a
 * deliberately broken copy of them (or of the descriptions) differs where it was broken.
 */
class OltpSqlServerScriptsTest {

    private static final String TABLES = "common/V1__core_schema.sql";

    @Test
    void shouldReadEveryCoreTableWithItsChangeOrderFromTheRenderedScripts() {
        DeclaredSchema scripts = OltpSchemaParity.sqlServer(OltpSchemaParity.sqlServerScripts());

        Set<String> expected = new TreeSet<>();
        for (CoreTable table : CoreTable.values()) {
            expected.add(table.qualifiedName());
        }
        expected.add(CoreTable.DELETED_ROWS);
        assertThat(scripts.tables.keySet()).isEqualTo(expected);
        assertThat(scripts.tables.get("core.orders").columns)
                .containsEntry("order_id", new DeclaredSchema.Column("bigint", false))
                .containsEntry("discount_id", new DeclaredSchema.Column("bigint", true))
                .containsEntry("order_date", new DeclaredSchema.Column("timestamp(3)", false))
                .containsEntry("row_version", new DeclaredSchema.Column("change_order", false));
        assertThat(scripts.tables.get("core.sellers").columns)
                .containsEntry("is_active", new DeclaredSchema.Column("bool", false));
        assertThat(scripts.tables.get("core.sales_targets").uniqueKeys()).containsExactly("(seller_id, year, month)");
        assertThat(scripts.differences(
                        "scripts", OltpSchemaParity.sqlServer(OltpSchemaParity.sqlServerScripts()), "again"))
                .isEmpty();
    }

    @Test
    void shouldReportEachDifferenceOfADeliberatelyBrokenCopyOfTheOltpScripts() {
        DeclaredSchema intact = OltpSchemaParity.sqlServer(OltpSchemaParity.sqlServerScripts());
        DeclaredSchema broken = OltpSchemaParity.sqlServer(broken(sql -> sql.replaceFirst(
                        "(CREATE TABLE core.regions \\([^;]*?)country(\\s+)varchar\\(50\\) NOT NULL",
                        "$1country$2varchar(60)")
                .replaceFirst("(CREATE TABLE core.teams \\([^;]*?)manager_name", "$1leader_name")
                .replace(
                        "    CONSTRAINT fk_orders_discount_id FOREIGN KEY (discount_id) REFERENCES core.discounts (discount_id)\n",
                        "    CONSTRAINT ck_orders_unused CHECK (order_id > 0)\n")
                .replace("    CONSTRAINT uq_products_sku UNIQUE (sku),\n", "")
                .replace(
                        "row_version     rowversion NOT NULL,\n    CONSTRAINT pk_returns",
                        "row_version     bigint NOT NULL,\n    CONSTRAINT pk_returns")));

        assertThat(intact.differences("intact", broken, "broken"))
                .containsExactlyInAnyOrder(
                        "column core.regions.country: varchar(50) not null on intact, varchar(60) null on broken",
                        "column core.teams.manager_name only on intact",
                        "column core.teams.leader_name only on broken",
                        "column core.returns.row_version: change_order not null on intact, bigint not null on broken",
                        "unique key of core.products (sku) only on intact",
                        "foreign key of core.orders (discount_id) -> core.discounts (discount_id) only on intact");
    }

    @Test
    void shouldReportAMissingTable() {
        DeclaredSchema intact = OltpSchemaParity.sqlServer(OltpSchemaParity.sqlServerScripts());
        DeclaredSchema broken = OltpSchemaParity.sqlServer(
                broken(sql -> sql.replaceAll("(?s)-- Monthly sales targets per seller\\..*", "")));

        assertThat(intact.differences("intact", broken, "broken"))
                .containsExactly("table core.sales_targets only on intact");
    }

    @Test
    void shouldMissTheDescriptionOfAColumnLeftOutOfABrokenCopyOfTheDescriptions() {
        String yaml = SqlServerDescriptions.read("/" + OltpSchema.DESCRIPTIONS);
        Set<String> intact = new TreeSet<>(Descriptions.parse(yaml, "intact").objects());
        Set<String> broken =
                new TreeSet<>(Descriptions.parse(yaml.replace("        brand: Brand name.\n", ""), "broken")
                        .objects());

        intact.removeAll(broken);
        assertThat(intact).containsExactly("column core.products.brand");
    }

    /** The OLTP's SQL Server scripts with {@value #TABLES} changed. */
    private static List<SqlServerScripts.Script> broken(UnaryOperator<String> change) {
        return SqlServerScripts.withChanged(OltpSchemaParity.sqlServerScripts(), TABLES, change);
    }
}
