package io.esteira.extractor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.junit.SqlServerDatabase;
import io.esteira.extractor.dialect.CaptureDialect;
import io.esteira.oltp.OltpSchema;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The SQL Server capture query on a real SQL Server 2022 (skipped where no Docker engine runs). */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerCaptureIT {

    @RegisterExtension
    static final SqlServerDatabase sqlServer = new SqlServerDatabase();

    @Test
    void shouldPageCommittedChangesInRowversionOrderWithTombstonesMerged() {
        DataSource oltp = new DriverManagerDataSource(sqlServer.jdbcUrl(), sqlServer.username(), sqlServer.password());
        OltpSchema.migrate(oltp);
        JdbcTemplate source = new JdbcTemplate(oltp);
        for (int i = 0; i < 5; i++) {
            source.update("INSERT INTO core.regions (name, state, country) VALUES (?, 'SP', 'BR')", "r" + i);
        }
        source.update("DELETE FROM core.regions WHERE name = 'r0'");
        EntityDefinition regions = EntityCatalog.reference().get("regions");
        ChangeCapture capture = new ChangeCapture(oltp, CaptureDialect.forJdbcUrl(sqlServer.jdbcUrl()), 100);

        List<ChangeBatch.Row> first = capture.page(regions, CaptureRange.after(ChangeBatch.Cursor.START), 3);
        List<ChangeBatch.Row> rest =
                capture.page(regions, CaptureRange.after(ChangeCapture.cursorOf(first.get(2))), 100);

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        assertThat(rest.get(rest.size() - 1).op()).isEqualTo(ChangeBatch.Op.delete);
        assertThat(first.get(0).version()).isLessThan(rest.get(0).version());
    }
}
