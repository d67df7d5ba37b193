package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.quality.run.CheckRunner;
import io.esteira.runtime.config.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole pipeline on a source that names everything its own way: the reference OLTP with customers,
 * products, orders and order items moved to schema {@code loja} under Portuguese table and column names,
 * their own change-order column, stamp and tombstone triggers and tombstone table ({@code
 * renamed-source/rename-to-loja.sql}), and an operator's catalog file that maps them onto the contract
 * ({@code renamed-source/entities.yml}). After inserts, updates (SCD2 moves among them), soft and hard
 * deletes on the renamed tables, the DW reconciles with the OLTP, by the local stack's comparison and by
 * the quality service's reconciliation check, both reading the source through the same mapping.
 */
class RenamedSourceEndToEndIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("renamed_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("renamed_dw");

    @Test
    void shouldReconcileAWarehouseFedFromASourceWithItsOwnNames(@TempDir Path directory) throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        new BaseDataGenerator(7, 1).generate(oltp.dataSource(), ProgressListener.silent());
        new ChangeWorkload(new ChangeWorkload.Options(13, 0, null, 200))
                .run(oltp.dataSource(), ProgressListener.silent());
        JdbcTemplate source = new JdbcTemplate(oltp.dataSource());
        source.execute(resource("rename-to-loja.sql"));
        assertThat(source.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'core'"
                                + " AND table_name IN ('customers', 'products', 'orders', 'order_items')",
                        Integer.class))
                .as("the four tables are gone from core")
                .isZero();
        Path catalog = directory.resolve("entities.yml");
        Files.writeString(catalog, resource("entities.yml"));

        StackOptions options = new StackOptions(
                new Endpoint(oltp.jdbcUrl(), oltp.username(), oltp.password()),
                new Endpoint(dw.jdbcUrl(), dw.username(), dw.password()),
                null,
                0,
                0,
                Map.of("esteira.extractor.interval", "PT1S", "esteira.catalog.file", catalog.toString()));
        try (LocalStack stack = LocalStack.start(options, line -> {})) {
            // SCD2 moves: a customer changes segment, a product changes cost.
            source.update("UPDATE loja.clientes SET segmento = 'vip' WHERE id_cliente = 1");
            source.update("UPDATE loja.produtos SET custo_unitario = custo_unitario + 1 WHERE id_produto = 2");
            // Many rows of one transaction; a soft-deleted order; a hard-deleted item (its returns first).
            source.update("UPDATE loja.itens_pedido SET quantidade = quantidade + 1"
                    + " WHERE id_item_pedido BETWEEN 100 AND 400");
            source.update("UPDATE loja.pedidos SET excluido_em = now() WHERE id_pedido = 3");
            source.update("DELETE FROM core.returns WHERE order_item_id = 20");
            source.update("DELETE FROM loja.itens_pedido WHERE id_item_pedido = 20");
            // A whole order hard-deleted, and a new one two days old, inside the quality check's window.
            source.update("DELETE FROM core.returns WHERE order_item_id IN"
                    + " (SELECT id_item_pedido FROM loja.itens_pedido WHERE id_pedido = 5)");
            source.update("DELETE FROM loja.itens_pedido WHERE id_pedido = 5");
            source.update("DELETE FROM loja.pedidos WHERE id_pedido = 5");
            source.update("INSERT INTO loja.pedidos (id_pedido, numero_pedido, id_cliente, id_vendedor, id_desconto,"
                    + " situacao, data_pedido, canal) VALUES (900000, 'LOJA-1', 1, 1, NULL, 'paid',"
                    + " (now() AT TIME ZONE 'UTC') - interval '2 days', 'web')");
            source.update(
                    "INSERT INTO loja.itens_pedido (id_item_pedido, id_pedido, id_produto, quantidade,"
                            + " preco_unitario, custo_unitario, valor_desconto) VALUES (9000000, 900000, 2, 3, 10.00, 4.00, 1.50)");
            assertThat(source.queryForObject(
                            "SELECT COUNT(*) FROM loja.exclusoes WHERE tabela = 'itens_pedido' AND chave = 20",
                            Integer.class))
                    .as("the renamed table's own tombstone trigger recorded the hard delete")
                    .isOne();

            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            StackRunner runner = new StackRunner(stack, new PrintStream(progress), Duration.ofSeconds(30));
            StackRunner.End end = runner.run(Instant.now().plusSeconds(240), Duration.ofSeconds(6), () -> false);
            assertThat(end).as("pipeline idle within 4 minutes\n%s", progress).isEqualTo(StackRunner.End.IDLE);

            Reconciliation.Result result = Reconciliation.compare(oltp.dataSource(), dw.dataSource(), stack.catalog());
            assertThat(result.reconciled()).as(result.describe()).isTrue();
            assertThat(result.oltpItems()).isGreaterThan(1000);
            JdbcTemplate warehouse = new JdbcTemplate(dw.dataSource());
            assertThat(warehouse.queryForObject(
                            "SELECT valor_total_liquido FROM fact.fact_vendas WHERE order_item_id = 9000000",
                            java.math.BigDecimal.class))
                    .as("the new item arrived under the contract's names")
                    .isEqualByComparingTo("28.50");
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM fact.fact_vendas WHERE pedido_id IN (3, 5)", Integer.class))
                    .as("soft- and hard-deleted orders left the fact")
                    .isZero();
            assertThat(warehouse.queryForObject(
                            "SELECT COUNT(*) FROM dim.dim_cliente WHERE cliente_id = 1", Integer.class))
                    .as("the segment change made a second version of customer 1")
                    .isGreaterThanOrEqualTo(2);
            assertThat(warehouse.queryForObject(
                            "SELECT segmento FROM dim.dim_cliente WHERE cliente_id = 1 AND atual", String.class))
                    .isEqualTo("vip");

            CheckRunner checks = stack.context("quality-service").getBean(CheckRunner.class);
            QualityResult reconciliation = checks.run("reconciliation-vendas");
            assertThat(reconciliation.status())
                    .as("quality reconciliation on the renamed source: %s", reconciliation.message())
                    .isEqualTo(QualityResult.Status.pass);
            QualityResult relationships = checks.run("relationships-itens-pedido");
            assertThat(relationships.status())
                    .as(
                            "the shipped OLTP column test on core.order_items reads loja.itens_pedido: %s",
                            relationships.message())
                    .isEqualTo(QualityResult.Status.pass);
            QualityResult freshness = checks.run("freshness");
            assertThat(freshness.status())
                    .as("quality freshness on the renamed source: %s", freshness.message())
                    .isNotEqualTo(QualityResult.Status.error);
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = RenamedSourceEndToEndIT.class.getResourceAsStream("/renamed-source/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
