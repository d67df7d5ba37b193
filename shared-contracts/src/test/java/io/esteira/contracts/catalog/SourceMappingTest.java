package io.esteira.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceMappingTest {

    private static final SqlDialect POSTGRES = () -> Vendor.POSTGRESQL;
    private static final SqlDialect SQL_SERVER = () -> Vendor.SQLSERVER;

    private static SourceMapping clientes() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("customer_id", "IdCliente");
        columns.put("name", "NomeCliente");
        columns.put("segment", "segment");
        return new SourceMapping(
                "dbo.Clientes",
                "IdCliente",
                columns,
                "VersaoLinha",
                "dbo.Exclusoes",
                Map.of("row_key", "Chave", "table_name", "Tabela"));
    }

    @Test
    void shouldReadTheSourceUnderTheContractsNamesInEachVendorsQuoting() {
        assertThat(clientes().asContract(SQL_SERVER))
                .isEqualTo("(SELECT [IdCliente] AS [customer_id], [NomeCliente] AS [name], [segment] AS [segment],"
                        + " [VersaoLinha] AS [row_version] FROM [dbo].[Clientes])");
        assertThat(clientes().asContract(POSTGRES))
                .isEqualTo("(SELECT \"IdCliente\" AS \"customer_id\", \"NomeCliente\" AS \"name\","
                        + " \"segment\" AS \"segment\", \"VersaoLinha\" AS \"row_version\" FROM \"dbo\".\"Clientes\")");
        assertThat(clientes().tombstonesAsContract(SQL_SERVER))
                .isEqualTo("(SELECT [Tabela] AS [table_name], [Chave] AS [row_key], [row_version] AS [row_version],"
                        + " [deleted_at] AS [deleted_at] FROM [dbo].[Exclusoes])");
    }

    @Test
    void shouldReadAnIdentityMappingAsTheTableItself() {
        SourceMapping same = SourceMapping.identity(
                "crm.customers", "customer_id", List.of("customer_id", "name"), "row_version", "crm.deleted_rows");

        assertThat(same.asContract(POSTGRES)).isEqualTo("\"crm\".\"customers\"");
        assertThat(same.tombstonesAsContract(SQL_SERVER)).isEqualTo("[crm].[deleted_rows]");
        assertThat(same.column("name")).isEqualTo("name");
        assertThat(same.tombstoneColumn("row_key")).isEqualTo("row_key");
    }

    @Test
    void shouldRefuseAContractColumnItDoesNotMapNamingTheMappedOnes() {
        assertThatThrownBy(() -> clientes().column("email"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column 'email' is not a column of dbo.Clientes; use one of customer_id, name, segment.");
    }

    @Test
    void shouldRefuseASourceNameThatCouldInjectSql() {
        assertThatThrownBy(() -> new SourceMapping(
                        "dbo.Clientes",
                        "IdCliente",
                        Map.of("customer_id", "IdCliente", "name", "Nome]; DROP TABLE x--"),
                        "VersaoLinha",
                        "dbo.Exclusoes",
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Source column of dbo.Clientes for name");
    }
}
