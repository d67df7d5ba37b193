package io.esteira.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.esteira.alerting.config.AlertingProperties;
import io.esteira.alerting.config.AlertingProperties.Smtp;
import io.esteira.alerting.delivery.SmtpSession;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email over SMTPS with authentication: GreenMail speaks TLS from the first byte with a certificate made for
 * this run (for 127.0.0.1, by the JDK's keytool) and checks the login. The service trusts that certificate
 * only through the SSL bundle named by {@code esteira.alerting.smtp.ssl-bundle} (a PEM file), verifies that
 * it names the host, and logs in; without the bundle's trust, or with a wrong password, nothing is sent.
 */
// The loader owns the DW schema: its Flyway (on the test classpath for DwSchema) must not run here.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.flyway.enabled=false")
@DirtiesContext
class SmtpTlsIT {

    private static final String USER = "operator";
    private static final String PASSWORD = "it-password";
    private static final String SMTP_USER = "alerts";
    private static final String SMTP_PASSWORD = "smtp-secret";
    private static final Path CERTIFICATE = serverCertificate();

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_smtps");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ops@esteira.test", SMTP_USER, SMTP_PASSWORD))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        DwTestSchema.create(dw);
        registry.add("esteira.dw.url", dw::jdbcUrl);
        registry.add("esteira.dw.username", dw::username);
        registry.add("esteira.broker.url", broker::url);
        registry.add("spring.ssl.bundle.pem.smtp-ca.truststore.certificate", () -> "file:" + CERTIFICATE);
        String alerting = "esteira.alerting.";
        registry.add(alerting + "api.username", () -> USER);
        registry.add(alerting + "api.password", () -> PASSWORD);
        registry.add(alerting + "flush-interval", () -> "50ms");
        registry.add(alerting + "route.receiver", () -> "ops-email");
        registry.add(alerting + "route.group-wait", () -> "100ms");
        registry.add(alerting + "receivers.ops-email.type", () -> "email");
        registry.add(alerting + "receivers.ops-email.email.to[0]", () -> "ops@esteira.test");
        registry.add(alerting + "smtp.host", () -> "127.0.0.1");
        registry.add(alerting + "smtp.port", () -> smtp.getSmtps().getPort());
        registry.add(alerting + "smtp.security", () -> "smtps");
        registry.add(alerting + "smtp.ssl-bundle", () -> "smtp-ca");
        registry.add(alerting + "smtp.username", () -> SMTP_USER);
        registry.add(alerting + "smtp.password", () -> SMTP_PASSWORD);
        registry.add(alerting + "smtp.from", () -> "esteira@esteira.test");
    }

    /**
     * A key pair and self-signed certificate for 127.0.0.1, made with the JDK's keytool: GreenMail serves it
     * (its keystore system properties), the service gets the certificate as a PEM file.
     */
    private static Path serverCertificate() {
        try {
            Path directory = Files.createTempDirectory("esteira-smtps");
            directory.toFile().deleteOnExit();
            Path keystore = directory.resolve("server.p12");
            Path certificate = directory.resolve("server.pem");
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "smtp",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=127.0.0.1",
                    "-ext",
                    "SAN=ip:127.0.0.1",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    "changeit",
                    "-keypass",
                    "changeit");
            run(
                    keytool,
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "smtp",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    "changeit",
                    "-file",
                    certificate.toString());
            keystore.toFile().deleteOnExit();
            certificate.toFile().deleteOnExit();
            System.setProperty("greenmail.tls.keystore.file", keystore.toString());
            System.setProperty("greenmail.tls.keystore.password", "changeit");
            System.setProperty("greenmail.tls.key.password", "changeit");
            return certificate;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the SMTPS test certificate", e);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", Arrays.asList(command).subList(0, 2)) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    SslBundles sslBundles;

    private static ConfigurableApplicationContext application;

    @Autowired
    void keep(ConfigurableApplicationContext context) {
        application = context;
    }

    @AfterAll
    static void stopBeforeBroker() throws Exception {
        BeforeBrokerStops.stop(application);
    }

    @Test
    void shouldMailAnAlertOverSmtpsWithTheLoginAndTheBundlesTrust() {
        String alertname = "ItSmtps" + UUID.randomUUID().toString().replace("-", "");
        String firing =
                """
                [{"labels":{"alertname":"%s","severity":"critical"},"annotations":{"summary":"%s over TLS"},
                  "startsAt":"%s","endsAt":"%s"}]
                """
                        .formatted(
                                alertname,
                                alertname,
                                Instant.now(),
                                Instant.now().plusSeconds(240));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThat(http.withBasicAuth(USER, PASSWORD)
                        .postForEntity("/api/v2/alerts", new HttpEntity<>(firing, headers), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> GreenMailUtil.getBody(m).contains(alertname + " over TLS")));
    }

    @Test
    void shouldRefuseTheServerWithoutTheBundlesTrustAndTheLoginWithAWrongPassword() throws MessagingException {
        SSLSocketFactory bundle =
                sslBundles.getBundle("smtp-ca").createSslContext().getSocketFactory();

        assertThatThrownBy(() -> connect(smtp(SMTP_PASSWORD), null))
                .as("the JVM's trust store does not know the certificate")
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
        assertThatThrownBy(() -> connect(smtp("wrong"), bundle)).isInstanceOf(AuthenticationFailedException.class);
        // What the service does, by hand: it connects and logs in.
        assertThat(connect(smtp(SMTP_PASSWORD), bundle)).isTrue();
    }

    private static Smtp smtp(String password) {
        return new Smtp(
                "127.0.0.1",
                SmtpTlsIT.smtp.getSmtps().getPort(),
                SMTP_USER,
                password,
                null,
                Duration.ofSeconds(5),
                AlertingProperties.SmtpSecurity.SMTPS,
                "smtp-ca");
    }

    private static boolean connect(Smtp settings, SSLSocketFactory factory) throws MessagingException {
        Session session = Session.getInstance(SmtpSession.properties(settings, factory));
        try (Transport transport = session.getTransport(SmtpSession.protocol(settings))) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            return transport.isConnected();
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
