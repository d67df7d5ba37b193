package io.esteira.alerting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the alerting service is told ({@code esteira.alerting.*}): the routing tree, the
 * receivers, inhibition rules, where webhooks may go, the SMTP server and the REST credentials.
 * The cross-field rules (receivers that exist, matchers that parse, URLs on the allow-list) are
 * checked at start-up by {@link AlertingConfigValidator}, which names the route or receiver at fault.
 */
@Validated
@ConfigurationProperties("esteira.alerting")
public record AlertingProperties(
        @Valid Api api,
        @Valid @NotNull RouteProperties route,
        @Valid Map<String, ReceiverProperties> receivers,
        @Valid List<InhibitRuleProperties> inhibitRules,
        @Valid Webhook webhook,
        @Valid Smtp smtp,
        @Valid Delivery delivery,
        Duration flushInterval,
        Integer intakeConsumers) {

    public AlertingProperties {
        api = api == null ? new Api(null, null) : api;
        receivers = receivers == null ? Map.of() : Map.copyOf(receivers);
        inhibitRules = inhibitRules == null ? List.of() : List.copyOf(inhibitRules);
        webhook = webhook == null ? new Webhook(null, null, null, null, null, null) : webhook;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null, null) : smtp;
        delivery = delivery == null ? new Delivery(null, null) : delivery;
        flushInterval = flushInterval == null ? Duration.ofSeconds(1) : flushInterval;
        intakeConsumers = intakeConsumers == null ? 1 : intakeConsumers;
    }

    /** HTTP basic credentials of {@code /api/**}; when the password is unset every call is refused. */
    public record Api(String username, String password) {
        public Api {
            username = username == null ? "" : username;
            password = password == null ? "" : password;
        }

        public boolean configured() {
            return !username.isBlank() && !password.isBlank();
        }
    }

    /**
     * A node of the routing tree (Alertmanager's {@code route}). Unset values are inherited from the
     * parent; the root must set them all (defaults apply).
     *
     * @param matchers label conditions, e.g. {@code severity=critical}, {@code entity=~orders|customers}
     * @param continueMatching property {@code continue}: keep trying the next sibling routes after a match
     */
    public record RouteProperties(
            String receiver,
            List<String> matchers,
            List<String> groupBy,
            Duration groupWait,
            Duration groupInterval,
            Duration repeatInterval,
            @Name("continue") Boolean continueMatching,
            @Valid List<RouteProperties> routes) {

        public RouteProperties {
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
            routes = routes == null ? List.of() : List.copyOf(routes);
        }
    }

    public enum ReceiverType {
        /** SMTP via camel-mail. */
        EMAIL,
        /** HTTP POST via camel-http. */
        WEBHOOK,
        /** Writes the notification to the service log (a receiver for the quick start and tests). */
        LOG
    }

    /** Where notifications go, and how hard to try. */
    public record ReceiverProperties(
            ReceiverType type,
            @Valid EmailReceiver email,
            @Valid WebhookReceiver webhook,
            @Valid Retry retry,
            Boolean sendResolved) {

        public ReceiverProperties {
            retry = retry == null ? new Retry(null, null, null, null, null) : retry;
            sendResolved = sendResolved == null ? Boolean.TRUE : sendResolved;
        }
    }

    /**
     * @param subject template: {@code {status}}, {@code {count}}, {@code {receiver}} and the first
     *     alert's fields ({@code {severity}}, {@code {kind}}, {@code {entity}}, {@code {summary}}, …)
     * @param body template applied to every alert of the notification
     */
    public record EmailReceiver(List<String> to, List<String> cc, String from, String subject, String body) {
        public EmailReceiver {
            to = to == null ? List.of() : List.copyOf(to);
            cc = cc == null ? List.of() : List.copyOf(cc);
        }
    }

    public enum WebhookFormat {
        /** {@code esteira.notification/1}: the alert events as they arrived. */
        GENERIC,
        /** Alertmanager's webhook body, version 4. */
        ALERTMANAGER,
        /** A Slack incoming-webhook message. */
        SLACK,
        /** A Microsoft Teams connector MessageCard (Office 365 connectors, being retired by Microsoft). */
        TEAMS,
        /**
         * A Microsoft Teams message with an Adaptive Card, as a Teams Workflows (Power Automate) webhook
         * trigger expects it ("Post to a channel when a webhook request is received").
         */
        TEAMS_WORKFLOWS
    }

    /**
     * @param url where to POST; only from configuration, never from an event, and on the allow-list
     * @param secret HMAC-SHA256 key of the signature header; no signature when unset
     */
    public record WebhookReceiver(String url, WebhookFormat format, Map<String, String> headers, String secret) {
        public WebhookReceiver {
            format = format == null ? WebhookFormat.GENERIC : format;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * Redelivery of one notification: exponential backoff with jitter, then the dead letter.
     *
     * @param jitter the fraction by which each delay is randomly shortened or lengthened (0 to 1)
     */
    public record Retry(
            Integer maxAttempts, Duration initialDelay, Double multiplier, Duration maxDelay, Double jitter) {
        public Retry {
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
            initialDelay = initialDelay == null ? Duration.ofSeconds(1) : initialDelay;
            multiplier = multiplier == null ? 2.0 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofMinutes(1) : maxDelay;
            jitter = jitter == null ? 0.2 : jitter;
        }
    }

    /**
     * Alertmanager's {@code inhibit_rules}: a firing alert matching {@code sourceMatchers} mutes the
     * alerts matching {@code targetMatchers} that have the same values of the {@code equal} labels.
     */
    public record InhibitRuleProperties(List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {
        public InhibitRuleProperties {
            sourceMatchers = sourceMatchers == null ? List.of() : List.copyOf(sourceMatchers);
            targetMatchers = targetMatchers == null ? List.of() : List.copyOf(targetMatchers);
            equal = equal == null ? List.of() : List.copyOf(equal);
        }
    }

    /**
     * Rules for every webhook receiver.
     *
     * @param allowedHosts host names or IP literals a webhook URL may name; {@code *.example.com}
     *     allows sub-domains. A host that resolves to a loopback, link-local, private or metadata
     *     address must be listed exactly (a wildcard is not enough).
     * @param allowedSchemes URL schemes allowed, {@code https} by default
     */
    public record Webhook(
            List<String> allowedHosts,
            List<String> allowedSchemes,
            Duration connectTimeout,
            Duration responseTimeout,
            String signatureHeader,
            String timestampHeader) {
        public Webhook {
            allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
            allowedSchemes = allowedSchemes == null ? List.of("https") : List.copyOf(allowedSchemes);
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
            signatureHeader = signatureHeader == null ? "X-Esteira-Signature" : signatureHeader;
            timestampHeader = timestampHeader == null ? "X-Esteira-Timestamp" : timestampHeader;
        }
    }

    /** How the connection to the SMTP server is protected. */
    public enum SmtpSecurity {
        /** Plain SMTP: only for a relay on the same host or network segment, never with credentials. */
        NONE,
        /** SMTP, then {@code STARTTLS} before anything else (required: a server that does not offer it is refused). */
        STARTTLS,
        /** SMTP inside TLS from the first byte (SMTPS, usually port 465). */
        SMTPS
    }

    /**
     * The SMTP server every email receiver uses.
     *
     * @param security {@code none}, {@code starttls} or {@code smtps}; the server's certificate is verified
     *     (its chain and that it names {@code host})
     * @param sslBundle name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material
     *     verifies the server's certificate; the JVM's trust store when unset
     * @param username login for SMTP AUTH; none when empty (needs {@code starttls} or {@code smtps})
     */
    public record Smtp(
            String host,
            Integer port,
            String username,
            String password,
            String from,
            Duration timeout,
            SmtpSecurity security,
            String sslBundle) {
        public Smtp {
            host = host == null ? "localhost" : host;
            port = port == null ? 25 : port;
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            from = from == null ? "esteira-alerting@localhost" : from;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            security = security == null ? SmtpSecurity.NONE : security;
            sslBundle = sslBundle == null ? "" : sslBundle;
        }
    }

    /**
     * @param fallbackReceiver receives the {@code delivery} alert raised when a notification is dead
     *     lettered; none when unset (the dead letter is still logged)
     * @param inFlightTimeout how long a notification may be in delivery (all its attempts) before it is
     *     taken for lost with its replica and formed again; longer than the slowest receiver's retries
     */
    public record Delivery(String fallbackReceiver, Duration inFlightTimeout) {
        public Delivery {
            inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(10) : inFlightTimeout;
        }
    }
}
