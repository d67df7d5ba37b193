package io.esteira.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.faults.check.WarehouseComparison;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The comparison the fault suite relies on fails when a change is missing: each test damages a caught-up DW
 * inside a transaction, compares through that transaction, and rolls the damage back.
 */
@ExtendWith(FaultStackExtension.class)
@Order(1)
class ComparisonDetectsLossIT {

    @BeforeEach
    void settle(FaultStack stack) {
        stack.settle(Duration.ofMinutes(2));
    }

    @Test
    void shouldReportADroppedStagingRowAndItsFactAsLost(FaultStack stack) throws SQLException {
        long item = Sql.number(stack.dw(), "SELECT MIN(order_item_id) FROM fact.fact_vendas");

        WarehouseComparison.Report report = damaged(
                stack,
                new Step("DELETE FROM stg.order_items WHERE order_item_id = ?", item),
                new Step("DELETE FROM fact.fact_vendas WHERE order_item_id = ?", item));

        assertThat(report.clean()).isFalse();
        assertThat(report.lost()).isGreaterThanOrEqualTo(2);
        assertThat(report.problems())
                .anyMatch(p -> p.startsWith("stg.order_items: 1 key(s) lost") && p.contains("[" + item + "]"))
                .anyMatch(p -> p.startsWith("fact.fact_vendas: 1 key(s) missing"))
                .anyMatch(p -> p.contains("day(s) do not reconcile"));
        assertThat(stack.compare().clean()).as("rolled back").isTrue();
    }

    @Test
    void shouldReportAnUpdateThatDidNotArriveAsLost(FaultStack stack) throws SQLException {
        long customer = Sql.number(stack.dw(), "SELECT MIN(customer_id) FROM stg.customers");

        WarehouseComparison.Report report = damaged(
                stack,
                new Step(
                        "UPDATE stg.customers SET source_version = source_version - 1 WHERE customer_id = ?",
                        customer));

        assertThat(report.problems()).anyMatch(p -> p.startsWith("stg.customers: 1 key(s) lost"));
        assertThat(report.lost()).isEqualTo(1);
    }

    @Test
    void shouldReportAFactTheOltpDoesNotHaveAsDuplicated(FaultStack stack) throws SQLException {
        long item = Sql.number(stack.dw(), "SELECT MIN(order_item_id) FROM fact.fact_vendas");

        WarehouseComparison.Report report = damaged(
                stack,
                new Step(
                        "CREATE TEMPORARY TABLE copy_of_fact ON COMMIT DROP AS SELECT * FROM fact.fact_vendas WITH NO DATA"),
                new Step("INSERT INTO copy_of_fact SELECT * FROM fact.fact_vendas WHERE order_item_id = ?", item),
                new Step("UPDATE copy_of_fact SET order_item_id = -order_item_id"),
                new Step("INSERT INTO fact.fact_vendas SELECT * FROM copy_of_fact"));

        assertThat(report.duplicated()).isEqualTo(1);
        assertThat(report.problems()).anyMatch(p -> p.startsWith("fact.fact_vendas: 1 key(s) extra"));
    }

    @Test
    void shouldReportAHardDeleteThatDidNotArrive(FaultStack stack) throws SQLException {
        long order = Sql.number(stack.dw(), "SELECT MIN(order_id) FROM stg.orders WHERE NOT source_deleted");

        WarehouseComparison.Report report;
        try (Connection oltp = stack.oltp().getConnection();
                Connection dw = stack.dw().getConnection()) {
            oltp.setAutoCommit(false);
            run(
                    oltp,
                    new Step(
                            "DELETE FROM core.returns WHERE order_item_id IN"
                                    + " (SELECT order_item_id FROM core.order_items WHERE order_id = ?)",
                            order),
                    new Step("DELETE FROM core.order_items WHERE order_id = ?", order),
                    new Step("DELETE FROM core.orders WHERE order_id = ?", order));
            report = new WarehouseComparison().compare(oltp, dw);
            oltp.rollback();
        }

        assertThat(report.problems()).anyMatch(p -> p.startsWith("stg.orders: 1 key(s) hard delete not applied"));
    }

    /** A statement and its parameters. */
    private record Step(String sql, Object... parameters) {}

    /** Runs the steps in a DW transaction, compares through it, and rolls back. */
    private static WarehouseComparison.Report damaged(FaultStack stack, Step... steps) throws SQLException {
        try (Connection oltp = stack.oltp().getConnection();
                Connection dw = stack.dw().getConnection()) {
            dw.setAutoCommit(false);
            run(dw, steps);
            WarehouseComparison.Report report = new WarehouseComparison().compare(oltp, dw);
            dw.rollback();
            return report;
        }
    }

    private static void run(Connection connection, Step... steps) throws SQLException {
        for (Step step : steps) {
            try (PreparedStatement statement = connection.prepareStatement(step.sql())) {
                for (int i = 0; i < step.parameters().length; i++) {
                    statement.setObject(i + 1, step.parameters()[i]);
                }
                statement.execute();
            }
        }
    }
}
