package io.esteira.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.embedded.EmbeddedPostgresServer;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.oltp.BaseDataGenerator;
import io.esteira.oltp.ChangeWorkload;
import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.ProgressListener;
import io.esteira.runtime.config.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code up} does when its warehouse server goes away for a while (issue 18: the whole command
 * ended): the DW runs on a PostgreSQL server of its own, which is stopped with an immediate shutdown
 * (a crash, then crash recovery) while the workload changes the OLTP, and started again on the same
 * port. The run keeps going, says what is wrong while the DW is away, and ends idle with a warehouse
 * that reconciles with the OLTP: nothing lost, nothing dead-lettered.
 */
class WarehouseRestartIT {

    /** As long as the outage of the issue. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("restart_oltp");

    private EmbeddedPostgresServer dwServer;

    @AfterEach
    void stopTheWarehouseServer() {
        if (dwServer != null) {
            dwServer.close();
        }
    }

    private Endpoint startWarehouseServer() {
        dwServer = EmbeddedPostgresServer.startDurable();
        dwServer.createDatabase("restart_dw");
        return new Endpoint(dwServer.jdbcUrl("restart_dw"), "postgres", "");
    }

    private static StackOptions options(Endpoint dw) {
        return new StackOptions(
                new Endpoint(oltp.jdbcUrl(), oltp.username(), oltp.password()),
                dw,
                null,
                0,
                0,
                Map.of("esteira.extractor.interval", "PT1S"));
    }

    @Test
    void shouldWaitForAWarehouseThatIsDownWhenTheStackStartsAndStartOnceItAnswers() throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        Endpoint dw = startWarehouseServer();
        dwServer.stop(EmbeddedPostgresServer.Shutdown.FAST);
        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<LocalStack> start =
                CompletableFuture.supplyAsync(() -> LocalStack.start(options(dw), messages::add));

        await().atMost(Duration.ofMinutes(1)).until(() -> messages.stream()
                .anyMatch(m -> m.startsWith("The warehouse at ")
                        && m.contains("does not answer")
                        && m.contains("waiting for it")));
        assertThat(start).as("the start waits; messages: %s", messages).isNotDone();
        dwServer.restart();

        try (LocalStack stack = start.get(3, TimeUnit.MINUTES)) {
            assertThat(stack.serviceNames()).hasSize(4);
        }
    }

    @Test
    void shouldKeepRunningThroughAWarehouseServerCrashAndCatchUp() throws Exception {
        OltpSchema.migrate(oltp.dataSource());
        new BaseDataGenerator(5, 1).generate(oltp.dataSource(), ProgressListener.silent());
        Endpoint dw = startWarehouseServer();
        try (LocalStack stack = LocalStack.start(options(dw), line -> {})) {
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            StackRunner runner = new StackRunner(stack, new PrintStream(progress, true), Duration.ofSeconds(1));
            CompletableFuture<StackRunner.End> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run(Instant.now().plusSeconds(300), Duration.ofSeconds(6), () -> false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Void> workload =
                    CompletableFuture.runAsync(() -> new ChangeWorkload(new ChangeWorkload.Options(21, 40, null, 1200))
                            .run(oltp.dataSource(), ProgressListener.silent()));
            JdbcTemplate warehouse = new JdbcTemplate(LocalStack.dataSource(dw));
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> warehouse.queryForObject("SELECT COUNT(*) FROM ctl.applied_batch", Long.class) > 20);

            dwServer.stop(EmbeddedPostgresServer.Shutdown.IMMEDIATE);
            await("the run going on while the DW is away")
                    .during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(5))
                    .until(() -> !run.isDone());
            assertThat(progress.toString()).contains("The warehouse does not answer");
            dwServer.restart();

            workload.get(3, TimeUnit.MINUTES);
            assertThat(run.get(5, TimeUnit.MINUTES))
                    .as("idle after the restart; progress:%n%s", progress)
                    .isEqualTo(StackRunner.End.IDLE);
            assertThat(progress.toString()).contains("The warehouse answers again");

            Reconciliation.Result result = Reconciliation.compare(oltp.dataSource(), LocalStack.dataSource(dw));
            assertThat(result.missing())
                    .as("order items missing in fact_vendas")
                    .isEmpty();
            assertThat(result.extra()).isEmpty();
            assertThat(result.differentDays()).isEmpty();
            assertThat(StackStatus.read(stack).deadLettered())
                    .as("batches dead-lettered because the DW was away")
                    .isZero();
        }
    }
}
