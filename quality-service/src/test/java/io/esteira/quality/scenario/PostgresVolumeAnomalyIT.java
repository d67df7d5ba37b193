package io.esteira.quality.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.QualityResult.Status;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.Evaluation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped {@code volume-vendas} check on a real PostgreSQL DW: the {@link Fixture}'s sales (3 items on
 * Friday 2026-11-20) plus 10 sales on each of the 8 Fridays before.
 */
class PostgresVolumeAnomalyIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("volume_oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("volume_dw");

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
    }

    @BeforeEach
    void eightFridaysOfTenSales() {
        PostgresScenario.load(oltp, dw);
        sales(10, Fixture.FRIDAYS_BEFORE_DAY.toArray(String[]::new));
    }

    @Test
    void shouldFailAFridayFarBelowTheFridaysBefore() {
        Evaluation evaluation = evaluate(Fixture.CLOCK);

        assertThat(evaluation.status()).isEqualTo(Status.fail);
        assertThat(evaluation.value()).isEqualTo(0.7);
        assertThat(evaluation.sample())
                .containsExactly("2026-11-20 (Fri): 3 rows, median 10 of 8 earlier Fri (band 10–10), -70%");
        assertThat(evaluation.message()).contains("fact.fact_vendas", "up to 70%");
    }

    @Test
    void shouldPassAFridayInLineWithTheFridaysBefore() {
        sales(6, "2026-11-20");

        Evaluation evaluation = evaluate(Fixture.CLOCK);

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.pass);
        assertThat(evaluation.sample())
                .containsExactly("2026-11-20 (Fri): 9 rows, median 10 of 8 earlier Fri (band" + " 10–10), -10%");
    }

    @Test
    void shouldJudgeOnlyCompleteDays() {
        sales(1, "2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29", "2026-11-05", "2026-11-12");

        // 07:00 in São Paulo on Saturday the 21st: Friday (3 rows, which fail above) is not complete before
        // 08:00, so Thursday the 19th is the day judged, and it is in line with the Thursdays before
        Evaluation evaluation = evaluate(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

        assertThat(evaluation.status()).as(evaluation.message()).isEqualTo(Status.pass);
        assertThat(evaluation.sample())
                .containsExactly("2026-11-19 (Thu): 1 rows, median 1 of 7 earlier Thu (band 1–1), 0%");
    }

    private static Evaluation evaluate(Clock clock) {
        return PostgresScenario.factory(oltp, dw, clock)
                .createOne("volume-vendas", Fixture.shippedChecks().get("volume-vendas"))
                .evaluate();
    }

    /** {@code perDay} sales rows on each day, keys above the fixture's. */
    private static void sales(int perDay, String... days) {
        JdbcTemplate jdbc = new JdbcTemplate(dw.dataSource());
        for (String day : days) {
            long firstKey = jdbc.queryForObject("SELECT MAX(order_item_id) FROM fact.fact_vendas", Long.class);
            jdbc.update(
                    "INSERT INTO fact.fact_vendas (order_item_id, pedido_id, data_sk, cliente_sk, produto_sk,"
                            + " vendedor_sk, regiao_sk, desconto_sk, quantidade, preco_unitario, valor_bruto,"
                            + " valor_desconto, valor_total_liquido, custo_total, status, canal)"
                            + " SELECT ? + n, 900, ?, 1, 1, 1, 1, 0, 1, 10.00, 10.00, 0.00, 10.00, 5.00, 'paid', 'web'"
                            + " FROM generate_series(1, ?) n",
                    firstKey,
                    Integer.parseInt(day.replace("-", "")),
                    perDay);
        }
    }
}
