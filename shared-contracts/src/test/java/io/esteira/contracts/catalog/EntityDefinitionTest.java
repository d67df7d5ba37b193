package io.esteira.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityDefinitionTest {

    @Test
    void shouldAcceptPlainIdentifiers() {
        EntityDefinition entity = new EntityDefinition("Orders_2", "core.orders", "_id", List.of("_id", "x1"));

        assertThat(entity.columns()).containsExactly("_id", "x1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "orders;DROP TABLE x--",
                "\"orders\"",
                "[orders]",
                "order items",
                "1orders",
                "orders.x",
                "",
                "a123456789012345678901234567890123456789012345678901234567890123"
            })
    void shouldRejectEntityNameThatIsNotAPlainIdentifier(String name) {
        assertThatThrownBy(() -> new EntityDefinition(name, "core.orders", "order_id", List.of("order_id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Entity name '" + name + "'");
    }

    @Test
    void shouldRejectColumnThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> new EntityDefinition(
                        "orders", "core.orders", "order_id", List.of("order_id", "status); DELETE FROM core.orders--")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'status); DELETE FROM core.orders--'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"core.orders.x", "core.", ".orders", "core.[orders]", "core.\"orders\""})
    void shouldRejectTableThatIsNotAPlainQualifiedName(String table) {
        assertThatThrownBy(() -> new EntityDefinition("orders", table, "order_id", List.of("order_id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + table + "'");
    }

    @Test
    void shouldAcceptUnqualifiedTable() {
        EntityDefinition entity = new EntityDefinition("orders", "orders", "order_id", List.of("order_id"));

        assertThat(entity.tableSchema()).isNull();
        assertThat(entity.tableName()).isEqualTo("orders");
    }

    @Test
    void shouldRejectKeyColumnMissingFromColumns() {
        assertThatThrownBy(() -> new EntityDefinition("orders", "core.orders", "order_id", List.of("status")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key column order_id is not among its columns");
    }

    @Test
    void shouldRejectDuplicateColumn() {
        assertThatThrownBy(() -> new EntityDefinition(
                        "orders", "core.orders", "order_id", List.of("order_id", "status", "status")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column status twice");
    }
}
