package io.esteira.contracts.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlDialectTest {

    private final SqlDialect postgres = () -> Vendor.POSTGRESQL;
    private final SqlDialect sqlServer = () -> Vendor.SQLSERVER;

    @Test
    void shouldQuoteIdentifierForEachVendor() {
        assertThat(postgres.quoteIdentifier("order_items")).isEqualTo("\"order_items\"");
        assertThat(sqlServer.quoteIdentifier("order_items")).isEqualTo("[order_items]");
    }

    @Test
    void shouldQuoteEachPartOfQualifiedName() {
        assertThat(postgres.quoteQualifiedName("core.orders")).isEqualTo("\"core\".\"orders\"");
        assertThat(sqlServer.quoteQualifiedName("core.orders")).isEqualTo("[core].[orders]");
        assertThat(sqlServer.quoteQualifiedName("orders")).isEqualTo("[orders]");
    }

    @Test
    void shouldRefuseToQuoteIdentifierThatCouldEscapeItsQuotes() {
        assertThatThrownBy(() -> sqlServer.quoteIdentifier("x]; DROP TABLE core.orders--"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x]; DROP TABLE core.orders--' is not a plain identifier");
        assertThatThrownBy(() -> postgres.quoteIdentifier("x\" OR 1=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x\" OR 1=1'");
        assertThatThrownBy(() -> postgres.quoteQualifiedName("core.orders;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'core.orders;'");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://127.0.0.1:5432/esteira, POSTGRESQL",
        "jdbc:sqlserver://db:1433;databaseName=esteira;encrypt=false, SQLSERVER",
        "JDBC:PostgreSQL://db/esteira, POSTGRESQL"
    })
    void shouldTellVendorFromJdbcUrl(String url, Vendor vendor) {
        assertThat(SqlDialect.vendorOf(url)).isEqualTo(vendor);
    }

    @Test
    void shouldRejectUnsupportedUrlWithoutShowingItsCredentials() {
        assertThatThrownBy(() -> SqlDialect.vendorOf("jdbc:mysql://db/esteira?user=root&password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jdbc:mysql:…' is not supported")
                .hasMessageContaining("jdbc:postgresql: or jdbc:sqlserver:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SqlDialect.vendorOf(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(none)");
    }

    @Test
    void shouldRefuseH2NowThatOnlyPostgresqlAndSqlServerAreSupported() {
        assertThatThrownBy(() -> SqlDialect.vendorOf("jdbc:h2:mem:oltp;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jdbc:h2:…' is not supported");
    }

    @Test
    void shouldNameVendorFoldersForVendorSql() {
        assertThat(Vendor.POSTGRESQL.id()).isEqualTo("postgresql");
        assertThat(Vendor.SQLSERVER.id()).isEqualTo("sqlserver");
    }
}
