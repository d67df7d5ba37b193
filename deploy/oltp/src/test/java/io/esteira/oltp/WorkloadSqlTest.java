package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.sql.SqlResources;
import org.junit.jupiter.api.Test;

class WorkloadSqlTest {

    @Test
    void shouldReadTheWorkloadStatementsByNameWithoutTheirSemicolons() {
        SqlResources.Named queries = SqlResources.in("io/esteira/oltp").named("workload");

        assertThat(queries.get("pick-returnable-item")).contains("NOT EXISTS").doesNotEndWith(";");
        assertThat(queries.get("delete-order-returns")).startsWith("DELETE FROM core.returns");
    }
}
