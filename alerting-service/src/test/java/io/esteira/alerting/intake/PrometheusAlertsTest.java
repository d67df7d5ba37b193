package io.esteira.alerting.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.contracts.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusAlertsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static byte[] body(String endsAt) {
        return ("""
                [{"labels":{"alertname":"EsteiraDlqNotEmpty","severity":"critical","entity":"orders","job":"loader-service"},
                  "annotations":{"summary":"DLQ of orders is not empty","runbook_url":"docs/runbook.md#a-batch-is-in-the-dlq"},
                  "startsAt":"2026-12-03T09:55:00Z","endsAt":"%s","generatorURL":"http://prometheus:9090/graph"}]
                """)
                .formatted(endsAt)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAFiringPrometheusAlertAsAnAlertEvent() {
        AlertEvent event =
                PrometheusAlerts.read(body("2026-12-03T10:04:00Z"), NOW).get(0);

        assertThat(event.status()).isEqualTo(AlertEvent.Status.firing);
        assertThat(event.source()).isEqualTo("prometheus");
        assertThat(event.severity()).isEqualTo(AlertEvent.Severity.critical);
        assertThat(event.entity()).isEqualTo("orders");
        assertThat(event.summary()).isEqualTo("DLQ of orders is not empty");
        assertThat(event.fingerprint()).startsWith("prometheus/EsteiraDlqNotEmpty/");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-03T09:55:00Z"));
        assertThat(event.details()).containsEntry("job", "loader-service");
        assertThat(event.links()).containsEntry("runbook", "docs/runbook.md#a-batch-is-in-the-dlq");
    }

    @Test
    void shouldGiveAResendTheSameIdAndTheResolutionTheSameFingerprint() {
        AlertEvent first =
                PrometheusAlerts.read(body("2026-12-03T10:04:00Z"), NOW).get(0);
        AlertEvent resent = PrometheusAlerts.read(body("2026-12-03T10:05:00Z"), NOW.plusSeconds(60))
                .get(0);
        AlertEvent resolved = PrometheusAlerts.read(body("2026-12-03T10:01:00Z"), NOW.plusSeconds(120))
                .get(0);

        assertThat(resent.id()).isEqualTo(first.id());
        assertThat(resolved.status()).isEqualTo(AlertEvent.Status.resolved);
        assertThat(resolved.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(resolved.id()).isNotEqualTo(first.id());
    }

    @Test
    void shouldRefuseABodyThatIsNotAnArrayOfNamedAlerts() {
        assertThatThrownBy(() -> PrometheusAlerts.read("{}".getBytes(StandardCharsets.UTF_8), NOW))
                .hasMessageContaining("array");
        assertThatThrownBy(() -> PrometheusAlerts.read("[{\"labels\":{}}]".getBytes(StandardCharsets.UTF_8), NOW))
                .hasMessageContaining("[0].labels.alertname");
        assertThat(PrometheusAlerts.read("[]".getBytes(StandardCharsets.UTF_8), NOW))
                .isEqualTo(List.of());
    }
}
