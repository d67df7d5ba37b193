package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CPU of the backend serving a connection, as the freshness workload's writers read theirs: the tests'
 * PostgreSQL runs on this machine (a server, or the embedded one).
 */
class ProcessCpuIT {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase("bench_backend_cpu");

    @Test
    void shouldReadTheCpuOfTheBackendServingAConnectionAsItWorks() throws Exception {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            Duration before = ProcessCpu.ofBackend(connection).orElseThrow();

            statement.execute("SELECT COUNT(*) FROM generate_series(1, 3000000)");

            assertThat(ProcessCpu.ofBackend(connection).orElseThrow())
                    .as("counting 3 million rows costs the backend CPU")
                    .isGreaterThan(before.plusMillis(10));
        }
    }

    @Test
    void shouldTakeNoProcessButAPostgresOneForABackend() {
        assertThat(ProcessCpu.ofBackend(ProcessHandle.current().pid()))
                .as("this JVM is no backend")
                .isEmpty();
    }
}
