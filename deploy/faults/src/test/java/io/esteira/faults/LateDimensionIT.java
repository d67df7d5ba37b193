package io.esteira.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.faults.check.WarehouseComparison;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Facts that arrive before their dimension rows (DESIGN.md, guarantee 4): while the customers' extraction
 * is paused, a new customer's order reaches the warehouse and its fact points at an inferred customer; once
 * the customer arrives, the fact must point at the customer's real members, its region included. The
 * order of arrival is forced with {@code ctl.etl_control.enabled}, so the test is deterministic.
 */
@ExtendWith(FaultStackExtension.class)
@Order(5)
class LateDimensionIT {

    @Test
    void shouldCompleteFactsWhoseCustomerArrivesAfterThem(FaultStack stack) throws Exception {
        stack.settle(Duration.ofMinutes(2));
        long customer = 9_400_001L;
        long order = 9_410_001L;
        long item = 9_420_001L;
        stack.setEnabled(List.of("customers"), false);
        try {
            try (Connection oltp = stack.oltp().getConnection();
                    PreparedStatement newCustomer = oltp.prepareStatement(
                            "INSERT INTO core.customers (customer_id, name, email, customer_type, city, state,"
                                    + " region_id, segment) VALUES (?, 'Late Customer', 'late@example.com',"
                                    + " 'individual', 'Manaus', 'AM', (SELECT MIN(region_id) FROM core.regions),"
                                    + " 'consumer')");
                    PreparedStatement newOrder = oltp.prepareStatement(
                            "INSERT INTO core.orders (order_id, order_number, customer_id, seller_id, status, order_date,"
                                    + " channel) VALUES (?, ?, ?, 1, 'paid', now(), 'web')");
                    PreparedStatement newItem = oltp.prepareStatement(
                            "INSERT INTO core.order_items (order_item_id, order_id, product_id, quantity, unit_price,"
                                    + " unit_cost, discount_amount) VALUES (?, ?, 1, 1, 10.00, 4.00, 0)")) {
                newCustomer.setLong(1, customer);
                newCustomer.executeUpdate();
                newOrder.setLong(1, order);
                newOrder.setString(2, "LATE-" + order);
                newOrder.setLong(3, customer);
                newOrder.executeUpdate();
                newItem.setLong(1, item);
                newItem.setLong(2, order);
                newItem.executeUpdate();
            }
            await("the fact of the order, before its customer")
                    .atMost(FaultStack.RECOVERY_TARGET)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Sql.number(
                                    stack.dw(), "SELECT COUNT(*) FROM fact.fact_vendas WHERE order_item_id = ?", item)
                            == 1);
            assertThat(Sql.number(
                            stack.dw(),
                            "SELECT COUNT(*) FROM dim.dim_cliente WHERE cliente_id = ? AND inferido",
                            customer))
                    .as("the customer is an inferred member meanwhile")
                    .isEqualTo(1);
        } finally {
            stack.setEnabled(List.of("customers"), true);
        }

        WarehouseComparison.Report report = stack.awaitCaughtUp(FaultStack.RECOVERY_TARGET);

        assertThat(report.clean()).as("%s", report).isTrue();
        assertThat(Sql.number(
                        stack.dw(),
                        "SELECT COUNT(*) FROM fact.fact_vendas f JOIN dim.dim_regiao r ON r.regiao_sk = f.regiao_sk"
                                + " JOIN dim.dim_cliente c ON c.cliente_sk = f.cliente_sk"
                                + " WHERE f.order_item_id = ? AND r.regiao_id = c.regiao_id AND NOT c.inferido",
                        item))
                .as("the fact points at its customer and the customer's region")
                .isEqualTo(1);
    }
}
