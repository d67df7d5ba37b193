package io.esteira.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.Queues;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.scenario.Fixture;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * At-least-once alerts: a check that fails while the broker is down still has its alert delivered on
 * {@code dw.alerts} once the (real, embedded) broker is back.
 */
// Closed after the class: its databases and broker go with it, and a service left running against them kept
// its routes in flight until the fork's exit, which then waited for them.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "esteira.quality.default-checks=classpath:checks/service-it.yml",
            "esteira.quality.checks-file=target/no-such-file.yml",
            "esteira.security.password=operator-s3cret"
        })
class AlertDeliveryIT {

    private static final String RULE = "quality-service:quality:-:rule-quantidade-positiva";
    private static final String PG_MAX_VERSION =
            "SELECT COALESCE(MAX(CAST(CAST(row_version AS text) AS bigint)), 0) FROM %s";

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
        Fixture.load(oltp.dataSource(), dw.dataSource(), PG_MAX_VERSION);
    }

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("esteira.oltp.url", oltp::jdbcUrl);
        registry.add("esteira.oltp.username", oltp::username);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Fixture.CLOCK;
        }
    }

    private final JdbcTemplate dwSql = new JdbcTemplate(dw.dataSource());

    @Test
    void shouldDeliverTheAlertOfACheckThatFailedWhileTheBrokerWasDown() {
        broker.broker().stop();
        dwSql.update("UPDATE fact.fact_vendas SET quantidade = -1 WHERE order_item_id = 1004");
        // the rule runs every second: it fails, and keeps failing, while nothing can reach dw.alerts
        await().atMost(Duration.ofSeconds(20))
                .until(() -> dwSql.queryForObject(
                                "SELECT COUNT(*) FROM audit.dq_result WHERE check_id = 'rule-quantidade-positiva'"
                                        + " AND status = 'fail'",
                                Integer.class)
                        >= 3);

        broker.broker().start();

        List<AlertEvent> received = new CopyOnWriteArrayList<>();
        try (JMSContext context = broker.connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createQueue(Queues.ALERTS))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Message message = consumer.receive(500);
                if (message != null) {
                    received.add(ContractCodec.standard()
                            .readAlertEvent(message.getBody(String.class).getBytes(StandardCharsets.UTF_8)));
                }
                assertThat(received)
                        .filteredOn(e -> e.fingerprint().equals(RULE))
                        .extracting(AlertEvent::status)
                        .containsExactly(AlertEvent.Status.firing);
            });
        }
        assertThat(received)
                .filteredOn(e -> e.fingerprint().equals(RULE))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("sample", "order_item_id=1004, quantidade=-1"));
    }
}
