package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mart views compute the PRD KPI definitions, checked on a few hand-made facts with known results:
 *
 * <pre>
 * 2024-03-01  order 1  item 11: 4 x 25.00, discount 10.00 -> net  90.00, cost  60.00, 1 unit returned
 *                      item 12: 6 x 50.00, discount  0.00 -> net 300.00, cost 180.00
 * 2024-03-02  order 2  item 21: 2 x 100.00, discount 40.00 -> net 160.00, cost 90.00
 * seller 10 targets: March 2024 800.00, April 2024 1000.00; both orders used discount VERAO10
 * </pre>
 *
 * One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KpiViewsScenario {

    /** An empty database; the scenario migrates it. */
    abstract DataSource dataSource();

    @BeforeAll
    void migrateAndLoadFacts() throws SQLException {
        DwSchema.migrate(dataSource());
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO dim.dim_regiao (regiao_sk, regiao_id, nome, estado, pais)"
                    + " VALUES (1, 1, 'Sudeste', 'SP', 'Brasil')");
            statement.executeUpdate(
                    "INSERT INTO dim.dim_vendedor (vendedor_sk, vendedor_id, nome, equipe_id, nome_equipe)"
                            + " VALUES (1, 10, 'Ana', 5, 'Norte')");
            statement.executeUpdate("INSERT INTO dim.dim_cliente (cliente_sk, cliente_id, nome, segmento, regiao_id)"
                    + " VALUES (1, 100, 'Loja Azul', 'corporate', 1)");
            statement.executeUpdate("INSERT INTO dim.dim_produto (produto_sk, produto_id, sku, nome, nome_categoria)"
                    + " VALUES (1, 1000, 'CAD-1', 'Cadeira', 'Moveis')");
            statement.executeUpdate("INSERT INTO dim.dim_desconto (desconto_sk, desconto_id, codigo, campanha)"
                    + " VALUES (1, 7, 'VERAO10', 'Verao')");
            statement.executeUpdate(
                    "INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano,"
                            + " mes, valor_meta) VALUES (1, 10, 1, 20240301, 2024, 3, 800.00), (2, 10, 1, 20240401, 2024, 4, 1000.00)");
            statement.executeUpdate(
                    "INSERT INTO fact.fact_descontos (pedido_id, desconto_sk, cliente_sk, vendedor_sk, data_sk,"
                            + " valor_bruto, valor_desconto_aplicado, valor_com_desconto)"
                            + " VALUES (1, 1, 1, 1, 20240301, 400.00, 10.00, 390.00), (2, 1, 1, 1, 20240302, 200.00, 40.00, 160.00)");
        }
        try (Connection connection = dataSource().getConnection();
                PreparedStatement sale = connection.prepareStatement("INSERT INTO fact.fact_vendas (order_item_id,"
                        + " pedido_id, data_sk, cliente_sk, produto_sk, vendedor_sk, regiao_sk, desconto_sk, quantidade,"
                        + " preco_unitario, valor_bruto, valor_desconto, valor_total_liquido, custo_total,"
                        + " quantidade_devolvida, valor_devolvido, status, canal)"
                        + " VALUES (?, ?, ?, 1, 1, 1, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'paid', 'web')")) {
            for (Object[] row : List.of(
                    new Object[] {11, 1, 20240301, 4, "25.00", "100.00", "10.00", "90.00", "60.00", 1, "22.50"},
                    new Object[] {12, 1, 20240301, 6, "50.00", "300.00", "0.00", "300.00", "180.00", 0, "0.00"},
                    new Object[] {21, 2, 20240302, 2, "100.00", "200.00", "40.00", "160.00", "90.00", 0, "0.00"})) {
                for (int i = 0; i < row.length; i++) {
                    Object value = row[i];
                    sale.setObject(i + 1, value instanceof String amount ? new BigDecimal(amount) : value);
                }
                sale.executeUpdate();
            }
        }
    }

    @Test
    void shouldComputeDailyNetRevenueGrossMarginAndReturnRate() throws SQLException {
        List<List<Object>> rows = query(
                "SELECT data_sk, pedidos, receita_liquida, margem_bruta, quantidade, quantidade_devolvida, taxa_devolucao"
                        + " FROM mart.kpi_vendas_diarias ORDER BY data_sk");

        assertThat(rows).hasSize(2);
        assertRow(rows.get(0), 20240301, 1, "390.00", "150.00", 10, 1, "0.1");
        assertRow(rows.get(1), 20240302, 1, "160.00", "70.00", 2, 0, "0");
    }

    @Test
    void shouldComputeTargetAttainmentPerSellerAndMonth() throws SQLException {
        List<List<Object>> rows = query("SELECT vendedor_id, vendedor, ano, mes, realizado, meta, atingimento_pct"
                + " FROM mart.kpi_atingimento_metas ORDER BY mes");

        assertThat(rows).hasSize(2);
        assertRow(rows.get(0), 10, "Ana", 2024, 3, "550.00", "800.00", "68.75");
        assertRow(rows.get(1), 10, "Ana", 2024, 4, "0", "1000.00", "0");
    }

    @Test
    void shouldComputeDiscountRoiPerDiscountAndMonth() throws SQLException {
        List<List<Object>> rows = query(
                "SELECT desconto_id, codigo, campanha, ano, mes, pedidos, valor_com_desconto, valor_desconto_aplicado,"
                        + " roi_desconto FROM mart.kpi_roi_desconto");

        assertThat(rows).hasSize(1);
        assertRow(rows.get(0), 7, "VERAO10", "Verao", 2024, 3, 2, "550.00", "50.00", "11");
    }

    @Test
    void shouldShowEachSaleWithItsDimensionAttributesAndMargin() throws SQLException {
        List<List<Object>> rows = query("SELECT order_item_id, data, regiao, produto, categoria, equipe, vendedor,"
                + " segmento, campanha, valor_total_liquido, margem_bruta FROM mart.vendas ORDER BY order_item_id");

        assertThat(rows).hasSize(3);
        assertRow(
                rows.get(0),
                11,
                java.sql.Date.valueOf("2024-03-01"),
                "Sudeste",
                "Cadeira",
                "Moveis",
                "Norte",
                "Ana",
                "corporate",
                "Verao",
                "90.00",
                "30.00");
    }

    /** Numbers compare by value (scale differs between vendors), everything else by equality. */
    private static void assertRow(List<Object> actual, Object... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            Object value = actual.get(i);
            Object wanted = expected[i];
            if (value instanceof Number number && !(wanted instanceof java.util.Date)) {
                assertThat(new BigDecimal(number.toString()))
                        .as("column %d of %s", i + 1, actual)
                        .isEqualByComparingTo(new BigDecimal(wanted.toString()));
            } else {
                assertThat(value).as("column %d of %s", i + 1, actual).isEqualTo(wanted);
            }
        }
    }

    private List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
