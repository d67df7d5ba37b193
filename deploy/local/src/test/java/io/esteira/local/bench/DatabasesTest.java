package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void shouldPutTheReferenceNextToTheDwWithASuffixedName() {
        assertThat(Databases.referenceUrl("jdbc:postgresql://127.0.0.1:5432/bench_dw"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/bench_dw_reference");
    }

    @Test
    void shouldKeepTheUrlParametersOfTheDw() {
        assertThat(Databases.referenceUrl("jdbc:postgresql://db:5433/dw?user=etl&ssl=false"))
                .isEqualTo("jdbc:postgresql://db:5433/dw_reference?user=etl&ssl=false");
    }

    @Test
    void shouldRefuseAUrlThatIsNotPostgresql() {
        assertThatThrownBy(() -> Databases.referenceUrl("jdbc:sqlserver://db:1433;databaseName=dw"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void shouldRefuseADatabaseNameThatCannotBeQuotedSafely() {
        assertThatThrownBy(() -> Databases.databaseName("--dw-url", "jdbc:postgresql://h/dw\"x"))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("letters, digits and underscores");
    }
}
