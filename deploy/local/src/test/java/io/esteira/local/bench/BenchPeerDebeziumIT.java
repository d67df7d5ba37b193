package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.local.EsteiraLocal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * {@code bench --peer debezium} end to end at a tiny scale, on an embedded PostgreSQL with
 * {@code wal_level=logical}: the peer (its runnable jar, deploy/peer-debezium) snapshots and streams the
 * source into its mirror, the run prints both side by side, and the mirror ends holding what the source
 * holds, read here directly, after the peer's freshness workload too.
 */
class BenchPeerDebeziumIT {

    private static EmbeddedPostgresServer server;

    @TempDir
    Path output;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.startWithLogicalDecoding();
        server.createDatabase("peer_oltp");
        server.createDatabase("peer_dw");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldMirrorTheSourceThroughDebeziumAndPrintItBesideThePipeline() throws IOException {
        int exit;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine()
                    .execute(
                            "bench",
                            "--oltp-url",
                            server.jdbcUrl("peer_oltp"),
                            "--dw-url",
                            server.jdbcUrl("peer_dw"),
                            "--services",
                            "in-process",
                            "--peer",
                            "debezium",
                            "--peer-jvm-options",
                            "-Xmx256m",
                            "--rows",
                            "2000",
                            "--freshness-seconds",
                            "5",
                            "--rate",
                            "50",
                            "--progress-every",
                            "PT2S",
                            "--output-dir",
                            output.toString());
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.println(text);

        assertThat(exit).as(text).isZero();
        assertThat(text).contains("side by side").contains("Debezium 3.6.1");
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(lines.size() - 1))
                .matches(".* peer_rows_per_s=\\d+ peer_freshness_p99_ms=\\d+ peer_rss_mb=\\d+");
        JsonNode peer = json().get("peer");
        assertThat(peer.get("mirrorEqual").asBoolean()).as(peer.toString()).isTrue();
        assertThat(peer.at("/rowsByTable/core.order_items").asLong()).isGreaterThanOrEqualTo(2000);
        // The same source, read after the pipeline's freshness workload added order items to it.
        assertThat(peer.get("rows").asLong())
                .isGreaterThan(json().at("/pipeline/rows").asLong());
        assertThat(peer.at("/freshness/committed").asLong()).isPositive();
        assertThat(peer.at("/freshness/notVisible").asLong()).isZero();
        assertThat(peer.get("peakRssMb").asLong()).isPositive();

        // The mirror, read directly: every order item of the source, with its quantity and prices, after the
        // peer's freshness workload changed some of them.
        DataSource source = dataSource("peer_oltp");
        DataSource mirror = dataSource("peer_dw" + DebeziumPeerRun.MIRROR_SUFFIX);
        String items = "SELECT order_item_id, order_id, quantity, unit_price, updated_at, deleted_at"
                + " FROM core.order_items ORDER BY order_item_id";
        List<?> sourceItems = new JdbcTemplate(source).queryForList(items);
        assertThat(sourceItems).hasSizeGreaterThan(2000);
        assertThat(new JdbcTemplate(mirror).queryForList(items)).isEqualTo(sourceItems);
        String customers = "SELECT customer_id, name, email, state FROM core.customers ORDER BY customer_id";
        assertThat(new JdbcTemplate(mirror).queryForList(customers))
                .isEqualTo(new JdbcTemplate(source).queryForList(customers))
                .isNotEmpty();
        // The peer's replication slot does not outlive the run (it would hold the OLTP's WAL).
        assertThat(new JdbcTemplate(source).queryForObject("SELECT COUNT(*) FROM pg_replication_slots", Long.class))
                .isZero();
    }

    private JsonNode json() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            Path report = files.filter(f -> f.getFileName().toString().matches("bench-.*\\.json"))
                    .findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(report.toFile());
        }
    }

    private static DataSource dataSource(String database) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(database), "postgres", "");
    }

    /** picocli over the local jar's commands. */
    private static final class CommandLine {
        int execute(String... args) {
            return new picocli.CommandLine(new EsteiraLocal()).execute(args);
        }
    }
}
