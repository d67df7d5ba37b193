package io.esteira.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.faults.infra.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 of the alerting service while an alert waits in {@code group_wait}, and while its notification is
 * being retried against a webhook receiver that is down: the receiver still gets the notification, at most
 * once more per kill. Alerts enter as Prometheus sends them ({@code POST /api/v2/alerts}); each carries a
 * token of its own, and the webhook sink's bodies are counted by that token.
 *
 * <p>Bounded mode: one cycle of each ({@code faults.cycles / 5}); the long mode runs 20.
 */
@ExtendWith(FaultStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class AlertingFaultsIT {

    /** The alerts this class posted, name and token: resolved after each test, as Prometheus does. */
    private final List<String[]> posted = new ArrayList<>();

    /**
     * Resolves the posted alerts (the same labels, {@code endsAt} now). Left firing, these kind-less
     * Prometheus alerts are pipeline failures without an entity, and the shipped inhibit rule ({@code
     * kind=pipeline-failure} mutes {@code kind=sla} with an equal, here absent, {@code entity}) would mute
     * the freshness alert another fault test waits for.
     */
    @AfterEach
    void resolvePosted(FaultStack stack) {
        for (String[] alert : posted) {
            String body = "[{\"labels\":{\"alertname\":\"" + alert[0] + "\",\"severity\":\"critical\"},"
                    + "\"annotations\":{\"summary\":\"" + alert[1] + "\"},"
                    + "\"startsAt\":\"" + Instant.now().minusSeconds(600) + "\",\"endsAt\":\"" + Instant.now() + "\","
                    + "\"generatorURL\":\"http://prometheus:9090/graph\"}]";
            ServiceProcess.Response response = ServiceProcess.request(
                    stack.alerting().port(), "/api/v2/alerts", "POST", stack.operatorCredentials(), body);
            assertThat(response.statusCode())
                    .as("resolving %s: %s", alert[0], response.body())
                    .isEqualTo(200);
        }
        posted.clear();
    }

    @Test
    @Order(1)
    void shouldDeliverAnAlertOnceWhenTheServiceIsKilledDuringGroupWait(FaultStack stack) {
        String fault = "kill -9 alerting during group_wait";
        for (int cycle = 1; cycle <= cycles(); cycle++) {
            String token = token();
            post(stack, "EsteiraFaultsGroupWait", token);
            // Stored (the intake answered only after that), and its group still waits: nothing formed yet.
            assertThat(notificationsOf(stack, token))
                    .as("notifications formed before the kill")
                    .isZero();
            stack.alerting().kill();
            assertThat(groupsHolding(stack, token))
                    .as("groups holding the alert")
                    .isEqualTo(1);
            assertThat(notificationsOf(stack, token))
                    .as("the kill landed in group_wait (no notification formed)")
                    .isZero();

            Instant back = restart(stack.alerting());
            awaitReceived(stack, token, FaultStack.PROMETHEUS_GROUP_WAIT.plus(FaultStack.RECOVERY_TARGET));
            Results.note(fault + ", cycle " + cycle + ": delivered "
                    + Duration.between(back, Instant.now()).toMillis() + " ms after the service was back");
            assertDeliveredAtMostTwice(stack, token);
        }
        Results.note(fault + ": " + cycles() + " cycle(s), each notification received, at most one repeat per kill");
    }

    @Test
    @Order(2)
    void shouldDeliverAnAlertWhenTheServiceIsKilledWhileRetryingItsDelivery(FaultStack stack) {
        String fault = "kill -9 alerting during a delivery retry";
        try {
            for (int cycle = 1; cycle <= cycles(); cycle++) {
                String token = token();
                stack.webhook().stop();
                String alertname = post(stack, "EsteiraFaultsRetry", token);
                await("a failed attempt of " + alertname + ", retries pending")
                        .atMost(FaultStack.PROMETHEUS_GROUP_WAIT.plusMinutes(1))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> Sql.number(
                                        stack.dw(),
                                        "SELECT COUNT(*) FROM audit.alert_log WHERE outcome = 'failed' AND fingerprint"
                                                + " LIKE ?",
                                        "prometheus/" + alertname + "/%")
                                > 0);
                stack.alerting().kill();
                assertThat(Sql.number(
                                stack.dw(),
                                "SELECT COUNT(*) FROM audit.alert_notification n JOIN ctl.alert_group g"
                                        + " ON g.in_flight_notification = n.notification_id"
                                        + " WHERE n.state = 'pending' AND g.alerts LIKE ?",
                                "%" + token + "%"))
                        .as("the kill landed while the notification was in delivery")
                        .isEqualTo(1);
                stack.webhook().start();

                Instant back = restart(stack.alerting());
                awaitReceived(stack, token, FaultStack.ALERT_IN_FLIGHT_TIMEOUT.plus(FaultStack.RECOVERY_TARGET));
                Results.note(fault + ", cycle " + cycle + ": delivered "
                        + Duration.between(back, Instant.now()).toMillis() + " ms after the service was back");
                assertDeliveredAtMostTwice(stack, token);
                assertThat(Sql.texts(
                                stack.dw(),
                                "SELECT state FROM audit.alert_notification WHERE body LIKE ? ORDER BY created_at",
                                "%" + token + "%"))
                        .as("the notification log: the one the kill left in flight, then the one formed again")
                        .containsExactly("abandoned", "sent");
            }
        } finally {
            stack.webhook().start();
        }
        Results.note(fault + ": " + cycles() + " cycle(s), each notification received, at most one repeat per kill");
    }

    /** One cycle in the bounded mode (5 cycles), 20 in the long mode (100). */
    private static int cycles() {
        return Math.max(1, FaultCycle.cycles() / 5);
    }

    private static String token() {
        return "faults-" + UUID.randomUUID();
    }

    /**
     * Posts one firing alert as Prometheus does, with a name of its own and {@code token} in its summary;
     * returns the alert name.
     */
    private String post(FaultStack stack, String prefix, String token) {
        String alertname = prefix + token.substring(token.length() - 12);
        String body = "[{\"labels\":{\"alertname\":\"" + alertname + "\",\"severity\":\"critical\"},"
                + "\"annotations\":{\"summary\":\"" + token + "\"},"
                + "\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\"0001-01-01T00:00:00Z\","
                + "\"generatorURL\":\"http://prometheus:9090/graph\"}]";
        ServiceProcess.Response response = ServiceProcess.request(
                stack.alerting().port(), "/api/v2/alerts", "POST", stack.operatorCredentials(), body);
        assertThat(response.statusCode())
                .as("POST /api/v2/alerts: %s", response.body())
                .isEqualTo(200);
        posted.add(new String[] {alertname, token});
        return alertname;
    }

    private static long groupsHolding(FaultStack stack, String token) {
        return Sql.number(stack.dw(), "SELECT COUNT(*) FROM ctl.alert_group WHERE alerts LIKE ?", "%" + token + "%");
    }

    private static long notificationsOf(FaultStack stack, String token) {
        return Sql.number(
                stack.dw(), "SELECT COUNT(*) FROM audit.alert_notification WHERE body LIKE ?", "%" + token + "%");
    }

    private static Instant restart(ServiceProcess alerting) {
        assertThat(alerting.isAlive()).isFalse();
        alerting.start();
        return alerting.readyAt();
    }

    private static void awaitReceived(FaultStack stack, String token, Duration within) {
        await("the webhook sink receiving the notification of " + token)
                .atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> stack.webhook().received(token));
    }

    /**
     * Once the notification log says a notification of the alert was sent (its group is then marked
     * notified and forms no other), the sink holds it once, or twice when the kill struck between the
     * receiver's answer and the log (one repeat per kill).
     */
    private static void assertDeliveredAtMostTwice(FaultStack stack, String token) {
        await("a notification of " + token + " logged as sent")
                .atMost(Duration.ofMinutes(1))
                .until(() -> Sql.number(
                                stack.dw(),
                                "SELECT COUNT(*) FROM audit.alert_notification WHERE state = 'sent' AND body LIKE ?",
                                "%" + token + "%")
                        > 0);
        List<String> received = stack.webhook().bodies().stream()
                .filter(body -> body.contains(token))
                .toList();
        assertThat(received).as("notifications of %s received", token).hasSizeBetween(1, 2);
    }
}
