package io.esteira.extractor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.embedded.net.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change listener on real PostgreSQL, through a TCP proxy that can leave its connection half-open (a
 * dropped firewall or NAT entry): it must notice by itself, listen again and wake every entity.
 */
class PostgresChangeListenerIT {

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("listener");

    private static final EntityDefinition ORDERS =
            new EntityDefinition("orders", "core.orders", "order_id", List.of("order_id"));
    private static final EntityDefinition CUSTOMERS =
            new EntityDefinition("customers", "core.customers", "customer_id", List.of("customer_id"));

    private final List<String> woken = Collections.synchronizedList(new ArrayList<>());
    private TcpProxy proxy;
    private PostgresChangeListener listener;

    @BeforeEach
    void listenThroughAProxy() {
        URI server = URI.create(oltp.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.start("oltp", server.getHost(), server.getPort());
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getRawPath()
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
        listener = new PostgresChangeListener(
                viaProxy,
                oltp.username(),
                oltp.password(),
                List.of(ORDERS, CUSTOMERS),
                Duration.ZERO,
                woken::add,
                Duration.ofSeconds(1));
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop();
        proxy.close();
    }

    @Test
    void shouldWakeEveryEntityOnceConnectedThenOnlyTheNotifiedOne() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(woken).containsExactlyInAnyOrder("orders", "customers"));
        woken.clear();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            notifyChange("esteira_orders");
            assertThat(woken).contains("orders");
        });
        assertThat(woken).doesNotContain("customers");
    }

    @Test
    void shouldListenAgainAndWakeEveryEntityAfterItsConnectionWentHalfOpen() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            notifyChange("esteira_orders");
            assertThat(woken).contains("orders");
        });

        assertThat(proxy.stall()).isPositive();
        proxy.release(); // the server side is gone; the listener's side stays open and silent
        woken.clear();

        // Without a heartbeat the listener would wait on the silent connection for ever.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(woken).contains("orders", "customers"));
        woken.clear();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            notifyChange("esteira_orders");
            assertThat(woken).contains("orders");
        });
    }

    private static void notifyChange(String channel) throws Exception {
        try (Connection connection = oltp.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + channel);
        }
    }
}
