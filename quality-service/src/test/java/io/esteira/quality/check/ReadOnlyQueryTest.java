package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parser-grade guard on configured SQL: queries pass, anything that writes or locks does not. */
class ReadOnlyQueryTest {

    @Test
    void shouldAcceptQueriesWithCommonTableExpressionsSubqueriesAndSetOperations() {
        assertThatCode(() -> ReadOnlyQuery.require(
                        "WITH d AS (SELECT order_item_id FROM fact.fact_vendas WHERE quantidade <= 0)"
                                + " SELECT d.order_item_id FROM d WHERE d.order_item_id IN (SELECT 1)"
                                + " UNION ALL SELECT order_item_id FROM fact.fact_vendas WHERE ';' = 'x'"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReadOnlyQuery.require(
                        "SELECT TOP 10 order_item_id FROM fact.fact_vendas WITH (NOLOCK) WHERE quantidade <= 0"))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseADeleteHiddenInACommonTableExpression() {
        assertThatThrownBy(() -> ReadOnlyQuery.require(
                        "WITH x AS (DELETE FROM fact.fact_vendas RETURNING order_item_id) SELECT * FROM x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sql holds a data-changing DELETE statement in WITH x");
    }

    @Test
    void shouldRefuseSqlServersDeleteWithOutputAfterACommonTableExpression() {
        // SQL Server prepares both; what the parser cannot read as one query is refused, never let through
        assertThatThrownBy(() -> ReadOnlyQuery.require(
                        "WITH x AS (SELECT order_item_id FROM fact.fact_vendas) DELETE FROM fact.fact_vendas"
                                + " OUTPUT deleted.order_item_id WHERE order_item_id IN (SELECT order_item_id FROM x)"))
                .hasMessageStartingWith("sql does not parse as a query");
        assertThatThrownBy(() -> ReadOnlyQuery.require(
                        "DELETE FROM fact.fact_vendas OUTPUT deleted.order_item_id WHERE quantidade <= 0"))
                .hasMessageStartingWith("sql does not parse as a query");
    }

    @Test
    void shouldRefuseUpdatesAndInsertsInCommonTableExpressions() {
        assertThatThrownBy(() -> ReadOnlyQuery.require(
                        "WITH u AS (UPDATE fact.fact_vendas SET quantidade = 0 RETURNING order_item_id) SELECT 1"))
                .hasMessageStartingWith("sql holds a data-changing UPDATE statement in WITH u");
        assertThatThrownBy(() -> ReadOnlyQuery.require(
                        "WITH i AS (INSERT INTO audit.x (a) VALUES (1) RETURNING a) SELECT a FROM i"))
                .hasMessageStartingWith("sql holds a data-changing INSERT statement in WITH i");
    }

    @Test
    void shouldRefuseSelectInto() {
        assertThatThrownBy(() -> ReadOnlyQuery.require("SELECT order_item_id INTO copia FROM fact.fact_vendas"))
                .hasMessageStartingWith("sql selects INTO a table");
    }

    @Test
    void shouldRefuseSelectForUpdate() {
        assertThatThrownBy(() -> ReadOnlyQuery.require("SELECT order_item_id FROM fact.fact_vendas FOR UPDATE"))
                .hasMessageStartingWith("sql locks rows");
    }

    @Test
    void shouldRefuseMoreThanOneStatementEvenWhenEachIsAQuery() {
        assertThatThrownBy(() -> ReadOnlyQuery.require("SELECT 1; SELECT 2"))
                .hasMessageStartingWith("sql holds 2 statements");
        assertThatThrownBy(() -> ReadOnlyQuery.require("SELECT 1; DELETE FROM fact.fact_vendas"))
                .hasMessageStartingWith("sql holds 2 statements");
    }

    @Test
    void shouldRefuseSqlThatDoesNotParse() {
        assertThatThrownBy(() -> ReadOnlyQuery.require("SELEC order_item_id FROM fact.fact_vendas"))
                .hasMessageStartingWith("sql does not parse as a query")
                .hasCauseInstanceOf(net.sf.jsqlparser.JSQLParserException.class);
    }
}
