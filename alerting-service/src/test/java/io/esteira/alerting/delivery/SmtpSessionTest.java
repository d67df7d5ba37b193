package io.esteira.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.alerting.config.AlertingProperties.Smtp;
import io.esteira.alerting.config.AlertingProperties.SmtpSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** The exact camel-mail endpoint and Jakarta Mail properties of each {@code esteira.alerting.smtp.security}. */
class SmtpSessionTest {

    private static Smtp smtp(SmtpSecurity security, String username, String password, int port) {
        return new Smtp("mail.example.com", port, username, password, null, Duration.ofSeconds(7), security, null);
    }

    @Test
    void shouldSpeakPlainSmtpWithoutAuthWhenSecurityIsNone() {
        Smtp smtp = smtp(SmtpSecurity.NONE, "", "", 25);

        assertThat(SmtpSession.uri(smtp))
                .isEqualTo("smtp://mail.example.com:25?javaMailProperties=#alertingSmtpProperties");
        assertThat(sorted(SmtpSession.properties(smtp, null)))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "mail.transport.protocol", "smtp",
                        "mail.smtp.host", "mail.example.com",
                        "mail.smtp.port", "25",
                        "mail.smtp.connectiontimeout", "7000",
                        "mail.smtp.timeout", "7000",
                        "mail.smtp.writetimeout", "7000",
                        "mail.smtp.auth", "false")));
    }

    @Test
    void shouldRequireStartTlsVerifyTheServerAndAuthenticate() {
        Smtp smtp = smtp(SmtpSecurity.STARTTLS, "alerts@example.com", "p&ss=word", 587);
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();

        assertThat(SmtpSession.uri(smtp))
                .isEqualTo("smtp://mail.example.com:587?javaMailProperties=#alertingSmtpProperties"
                        + "&username=alerts%40example.com&password=RAW(p&ss=word)");
        Map<String, Object> properties = sorted(SmtpSession.properties(smtp, factory));
        assertThat(properties)
                .containsEntry("mail.transport.protocol", "smtp")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.ssl.socketFactory", factory)
                .doesNotContainKey("mail.smtp.ssl.enable")
                .hasSize(11);
    }

    @Test
    void shouldSpeakTlsFromTheFirstByteForSmtps() {
        Smtp smtp = smtp(SmtpSecurity.SMTPS, "alerts", "secret", 465);

        assertThat(SmtpSession.uri(smtp))
                .isEqualTo("smtps://mail.example.com:465?javaMailProperties=#alertingSmtpProperties"
                        + "&username=alerts&password=RAW(secret)");
        assertThat(sorted(SmtpSession.properties(smtp, null)))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "mail.transport.protocol", "smtps",
                        "mail.smtps.host", "mail.example.com",
                        "mail.smtps.port", "465",
                        "mail.smtps.connectiontimeout", "7000",
                        "mail.smtps.timeout", "7000",
                        "mail.smtps.writetimeout", "7000",
                        "mail.smtps.auth", "true",
                        "mail.smtps.ssl.enable", "true",
                        "mail.smtps.ssl.checkserveridentity", "true")));
    }

    private static Map<String, Object> sorted(java.util.Properties properties) {
        Map<String, Object> sorted = new TreeMap<>();
        properties.forEach((key, value) -> sorted.put((String) key, value));
        return sorted;
    }
}
