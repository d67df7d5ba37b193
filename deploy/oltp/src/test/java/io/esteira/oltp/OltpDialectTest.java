package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OltpDialectTest {

    @Test
    void shouldChooseTheDialectFromTheJdbcUrl() {
        assertThat(OltpDialect.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/oltp"))
                .isEqualTo(OltpDialect.POSTGRESQL);
        assertThat(OltpDialect.fromJdbcUrl("jdbc:sqlserver://db:1433;databaseName=oltp"))
                .isEqualTo(OltpDialect.SQLSERVER);
        assertThat(OltpDialect.POSTGRESQL.folder()).isEqualTo("postgresql");
        assertThat(OltpDialect.SQLSERVER.folder()).isEqualTo("sqlserver");
    }

    @Test
    void shouldRefuseAnH2Url() {
        assertThatThrownBy(() -> OltpDialect.fromJdbcUrl("jdbc:h2:mem:oltp"))
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("is not a supported OLTP database")
                .hasMessageContaining("jdbc:postgresql: or jdbc:sqlserver:");
    }

    @Test
    void shouldNameAnUnsupportedUrlWithoutItsPassword() {
        assertThatThrownBy(() -> OltpDialect.fromJdbcUrl("jdbc:mysql://db/oltp?user=u&password=secret"))
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("jdbc:mysql://db/oltp?user=u&password=***")
                .hasMessageNotContaining("secret");
    }
}
