package io.esteira.quality.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code esteira.dw.reader.*} ({@code ESTEIRA_DW_READER_USERNAME}, …): the warehouse login the checks read
 * with, on {@code esteira.dw.url}. It should be a member of the role {@code quality_reader} (loader
 * migration V70: SELECT only, writes denied on SQL Server) and, on PostgreSQL, have
 * {@code default_transaction_read_only = on}. Results and alerts are written with {@code esteira.dw.*}.
 * Left blank, the checks read with {@code esteira.dw.*} too, still in read-only transactions, and the
 * service says so at start-up.
 *
 * @param username the read-only login; blank to read with {@code esteira.dw.username}
 * @param password its password
 * @param maximumPoolSize connections of the checks' pool (checks run on at most 4 Quartz threads)
 */
@Validated
@ConfigurationProperties(prefix = "esteira.dw.reader")
public record DwReaderProperties(
        String username, String password, @DefaultValue("4") @Min(1) @Max(50) int maximumPoolSize) {

    public DwReaderProperties {
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    public boolean configured() {
        return !username.isEmpty();
    }
}
