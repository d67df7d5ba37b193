package io.esteira.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityCatalogTest {

    private final EntityCatalog catalog = EntityCatalog.reference();

    @Test
    void shouldListTheElevenReferenceEntitiesDimensionsBeforeFacts() {
        assertThat(catalog.names())
                .containsExactly(
                        "regions",
                        "teams",
                        "sellers",
                        "customers",
                        "categories",
                        "products",
                        "discounts",
                        "orders",
                        "order_items",
                        "returns",
                        "sales_targets");
        assertThat(catalog.loadOrder()).extracting(EntityDefinition::name).containsExactlyElementsOf(catalog.names());
    }

    @Test
    void shouldDescribeOrdersAsInTheDataContract() {
        EntityDefinition orders = catalog.get("orders");

        assertThat(orders.table()).isEqualTo("core.orders");
        assertThat(orders.tableSchema()).isEqualTo("core");
        assertThat(orders.tableName()).isEqualTo("orders");
        assertThat(orders.keyColumn()).isEqualTo("order_id");
        assertThat(orders.columns())
                .containsExactly(
                        "order_id",
                        "order_number",
                        "customer_id",
                        "seller_id",
                        "discount_id",
                        "status",
                        "order_date",
                        "channel",
                        "created_at",
                        "updated_at",
                        "deleted_at");
    }

    @Test
    void shouldNameKeysAfterTheSingularTable() {
        assertThat(catalog.loadOrder())
                .extracting(EntityDefinition::keyColumn)
                .containsExactly(
                        "region_id",
                        "team_id",
                        "seller_id",
                        "customer_id",
                        "category_id",
                        "product_id",
                        "discount_id",
                        "order_id",
                        "order_item_id",
                        "return_id",
                        "sales_target_id");
        assertThat(catalog.loadOrder())
                .allSatisfy(e -> assertThat(e.columns()).endsWith("created_at", "updated_at", "deleted_at"))
                .allSatisfy(e -> assertThat(e.columns()).doesNotContain("row_version"));
    }

    @Test
    void shouldDeclareEveryColumnThatHoldsAnotherEntitysKeyAsAReferenceLoadedBeforeIt() {
        List<String> order = catalog.names();
        for (EntityDefinition entity : catalog.loadOrder()) {
            for (String column : entity.columns()) {
                if (column.equals(entity.keyColumn())) {
                    continue;
                }
                catalog.loadOrder().stream()
                        .filter(referenced -> referenced.keyColumn().equals(column))
                        .findFirst()
                        .ifPresent(referenced -> assertThat(entity.references())
                                .as("%s.%s holds the key of %s", entity.name(), column, referenced.name())
                                .containsEntry(column, referenced.name()));
            }
            entity.references().forEach((column, referenced) -> assertThat(order.indexOf(referenced))
                    .as("%s.%s references %s", entity.name(), column, referenced)
                    .isBetween(0, order.indexOf(entity.name())));
        }
        assertThat(catalog.get("categories").references()).containsEntry("parent_id", "categories");
    }

    @Test
    void shouldUseTheReferenceSchemasChangeOrderColumnAndTombstones() {
        assertThat(catalog.loadOrder())
                .allSatisfy(e -> assertThat(e.changeOrderColumn()).isEqualTo("row_version"))
                .allSatisfy(e -> assertThat(e.tombstoneTable()).isEqualTo("core.deleted_rows"));
    }

    @Test
    void shouldRejectAReferenceToAnEntityDeclaredAfterIt() {
        EntityDefinition regions = catalog.get("regions");
        EntityDefinition teams = catalog.get("teams");

        assertThatThrownBy(() -> EntityCatalog.of(List.of(teams, regions)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Entity teams references regions (column region_id)")
                .hasMessageContaining("declare regions above teams");
    }

    @Test
    void shouldRejectUnknownEntityListingKnownOnes() {
        assertThatThrownBy(() -> catalog.get("invoices"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown entity 'invoices'")
                .hasMessageContaining("regions, teams, sellers");
        assertThat(catalog.find("invoices")).isEmpty();
    }

    @Test
    void shouldSelectEntitiesInLoadOrderWhateverTheRequestedOrder() {
        assertThat(catalog.loadOrder(List.of("orders", "regions", "customers")))
                .extracting(EntityDefinition::name)
                .containsExactly("regions", "customers", "orders");
    }

    @Test
    void shouldRejectCatalogWithTheSameEntityTwice() {
        EntityDefinition regions = catalog.get("regions");

        assertThatThrownBy(() -> EntityCatalog.of(List.of(regions, regions)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regions is defined twice");
    }
}
