package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.esteira.embedded.junit.SqlServerDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@code source prepare} on SQL Server 2022 (Testcontainers; skipped where there is no Docker engine). */
@Testcontainers(disabledWithoutDocker = true)
class SourcePreparationSqlServerIT {

    @RegisterExtension
    static final SqlServerDatabase server = new SqlServerDatabase();

    private final String name =
            "esteira_prep_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Connection connection;

    @BeforeEach
    void customerSchema() throws SQLException {
        admin("CREATE DATABASE " + name);
        SQLServerDataSource dataSource = new SQLServerDataSource();
        dataSource.setURL(server.jdbcUrl());
        dataSource.setDatabaseName(name);
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        connection = dataSource.getConnection();
        execute("CREATE SCHEMA vendas");
        execute("CREATE TABLE vendas.Pagamentos (IdPagamento bigint IDENTITY(1,1) PRIMARY KEY, Valor numeric(12,2))");
        execute("INSERT INTO vendas.Pagamentos (Valor) VALUES (5.00), (7.50)");
    }

    @AfterEach
    void drop() throws SQLException {
        connection.close();
        admin("ALTER DATABASE " + name + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
        admin("DROP DATABASE " + name);
    }

    @Test
    void preparedTableVersionsEveryWriteRecordsHardDeletesAndRefusesTruncate() throws SQLException {
        SourcePreparation preparation = SourcePreparation.inspect(connection, List.of("vendas.Pagamentos"));
        preparation.apply(connection, preparation.script());
        preparation.apply(
                connection,
                SourcePreparation.inspect(connection, List.of("vendas.Pagamentos"))
                        .script());

        long before = number("SELECT MAX(CAST(row_version AS bigint)) FROM vendas.Pagamentos");
        execute("UPDATE vendas.Pagamentos SET Valor = 6.00 WHERE IdPagamento = 1");
        assertThat(number("SELECT CAST(row_version AS bigint) FROM vendas.Pagamentos WHERE IdPagamento = 1"))
                .isGreaterThan(before);
        execute("DELETE FROM vendas.Pagamentos WHERE IdPagamento = 2");
        assertThat(number("SELECT COUNT(*) FROM vendas.deleted_rows WHERE table_name = 'Pagamentos' AND row_key = 2"))
                .isEqualTo(1);
        assertThatThrownBy(() -> execute("TRUNCATE TABLE vendas.Pagamentos")).hasMessageContaining("FOREIGN KEY");

        SourcePreparation rollback = SourcePreparation.inspect(connection, List.of("vendas.Pagamentos"));
        rollback.apply(connection, rollback.rollbackScript());
        assertThat(number("SELECT COUNT(*) FROM sys.objects WHERE schema_id = SCHEMA_ID('vendas')"
                        + " AND type IN ('U', 'TR') AND name <> 'Pagamentos'"))
                .isZero();
        assertThat(number("SELECT COL_LENGTH('vendas.Pagamentos', 'row_version')"))
                .isZero();
        execute("TRUNCATE TABLE vendas.Pagamentos");
    }

    private long number(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void admin(String sql) {
        try (Connection admin = server.connect();
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL Server refused: " + sql, e);
        }
    }
}
