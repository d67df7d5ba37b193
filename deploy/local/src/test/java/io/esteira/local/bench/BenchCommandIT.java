package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.esteira.local.stack.Reconciliation;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench --services in-process}: it ends with the summary line, writes the same as JSON, and
 * the pipeline's warehouse holds the reference's business content.
 */
class BenchCommandIT extends BenchScenario {

    @TempDir
    Path output;

    @Test
    void shouldEndWithTheSummaryLineAndLeaveIdenticalWarehouses() throws IOException {
        Run run = bench(output, "--services", "in-process");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.lastLine()).matches(SUMMARY);
        JsonNode json = run.json(output);
        assertThat(json.get("summary").asText()).isEqualTo(run.lastLine());
        assertThat(json.at("/pipeline/services").asText()).isEqualTo("in-process");
        assertThat(json.at("/warehouses/identical").asBoolean())
                .as(json.get("warehouses").toString())
                .isTrue();
        assertThat(json.at("/pipeline/rows").asLong())
                .isEqualTo(json.at("/reference/rows").asLong())
                .isGreaterThan(2000);
        assertThat(json.at("/pipeline/orderItems").asLong()).isEqualTo(2000);
        assertThat(json.at("/freshness/committed").asLong()).isPositive();
        assertThat(json.at("/freshness/notVisible").asLong()).isZero();
        assertThat(json.at("/reconciliation/reconciled").asBoolean()).isTrue();

        // The reference's warehouse holds the facts the report counted for it …
        long referenceFacts = new JdbcTemplate(reference.dataSource())
                .queryForObject("SELECT COUNT(*) FROM fact.fact_vendas", Long.class);
        assertThat(referenceFacts)
                .isEqualTo(json.at("/warehouses/tables/fact.fact_vendas/reference/rows")
                        .asLong())
                .isEqualTo(json.at("/warehouses/tables/fact.fact_vendas/pipeline/rows")
                        .asLong());
        // … and the pipeline's still reconciles with the OLTP after the freshness workload's changes.
        assertThat(Reconciliation.compare(oltp.dataSource(), dw.dataSource()).reconciled())
                .isTrue();
    }
}
