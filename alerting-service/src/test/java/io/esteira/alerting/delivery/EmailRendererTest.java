package io.esteira.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.alerting.Alerts;
import io.esteira.alerting.config.AlertingProperties.EmailReceiver;
import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.AlertEvent.Kind;
import io.esteira.contracts.AlertEvent.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private static Notification notification(AlertEvent... events) {
        return new Notification(
                "n-1",
                "ops-email",
                "root",
                "root{}",
                Map.of(),
                AlertEvent.Status.firing,
                List.of(events).stream()
                        .map(e -> new NotifiedAlert(e, AT, null))
                        .toList(),
                AT,
                true);
    }

    @Test
    void shouldRenderSubjectAndBodyFromTheEventFieldsAndLinks() {
        EmailReceiver receiver = new EmailReceiver(List.of("ops@example.com"), List.of(), null, null, null);

        EmailMessage email = EmailRenderer.render(
                notification(Alerts.firing(Kind.SLA, Severity.critical, "orders", "fp-1", AT)),
                receiver,
                "alerts@example.com");

        assertThat(email.subject()).isEqualTo("[firing] critical sla orders: Something broke on orders");
        assertThat(email.body())
                .contains("runbook: https://runbooks.example.com/sla")
                .contains("batch: b-1");
        assertThat(email.from()).isEqualTo("alerts@example.com");
        assertThat(email.to()).containsExactly("ops@example.com");
    }

    @Test
    void shouldKeepTheSubjectOnOneLineWhateverTheSummaryHolds() {
        AlertEvent event = Alerts.event(
                Kind.DLQ,
                Severity.critical,
                "orders",
                "fp-1",
                AlertEvent.Status.firing,
                AT,
                "Disk full\r\nBcc: attacker@evil.test\r\nX-Injected: yes");
        EmailReceiver receiver = new EmailReceiver(List.of("ops@example.com"), List.of(), null, "{summary}", null);

        EmailMessage email = EmailRenderer.render(notification(event), receiver, "alerts@example.com");

        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(email.subject()).isEqualTo("Disk full Bcc: attacker@evil.test X-Injected: yes");
    }

    @Test
    void shouldListEveryAlertOfAGroupInTheBody() {
        EmailMessage email = EmailRenderer.render(
                notification(
                        Alerts.firing(Kind.SLA, Severity.warning, "orders", "fp-1", AT),
                        Alerts.firing(Kind.SLA, Severity.warning, "customers", "fp-2", AT)),
                new EmailReceiver(List.of("ops@example.com"), List.of(), null, null, "{entity}/{fingerprint}"),
                "alerts@example.com");

        assertThat(email.body()).contains("orders/fp-1").contains("customers/fp-2");
        assertThat(email.subject()).endsWith("(+1 more)");
    }
}
