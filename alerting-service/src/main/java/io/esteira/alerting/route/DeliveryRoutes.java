package io.esteira.alerting.route;

import io.esteira.alerting.config.AlertingProperties;
import io.esteira.alerting.config.AlertingProperties.ReceiverProperties;
import io.esteira.alerting.config.AlertingProperties.Retry;
import io.esteira.alerting.config.AlertingProperties.WebhookReceiver;
import io.esteira.alerting.config.AlertingSetup;
import io.esteira.alerting.delivery.EmailMessage;
import io.esteira.alerting.delivery.EmailRenderer;
import io.esteira.alerting.delivery.SmtpSession;
import io.esteira.alerting.delivery.WebhookBodyRenderer;
import io.esteira.alerting.delivery.WebhookSignature;
import io.esteira.alerting.delivery.WebhookTargetPolicy;
import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.dispatch.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way out:
 *
 * <ul>
 *   <li>{@code alerts-flush}: a timer asks the dispatcher which groups are due and queues their
 *       notifications;
 *   <li>{@code notifications}: sends each to the route of its receiver;
 *   <li>{@code notify-<receiver>}: one per receiver, holding its retry policy (exponential backoff
 *       with jitter, Camel's redelivery) and dead-lettering to {@code delivery-dead};
 *   <li>{@code deliver-webhook}, {@code deliver-email}, {@code deliver-log}: one attempt each.
 * </ul>
 */
public class DeliveryRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRoutes.class);

    private final AlertingProperties properties;
    private final AlertingSetup setup;
    private final Dispatcher dispatcher;
    private final DeliveryAttempts attempts;
    private final DeadLetters deadLetters;
    private final WebhookTargetPolicy webhookPolicy;
    private final Clock clock;
    private final WebhookBodyRenderer webhookBodies = new WebhookBodyRenderer();

    public DeliveryRoutes(
            AlertingProperties properties,
            AlertingSetup setup,
            Dispatcher dispatcher,
            DeliveryAttempts attempts,
            DeadLetters deadLetters,
            WebhookTargetPolicy webhookPolicy,
            Clock clock) {
        this.properties = properties;
        this.setup = setup;
        this.dispatcher = dispatcher;
        this.attempts = attempts;
        this.deadLetters = deadLetters;
        this.webhookPolicy = webhookPolicy;
        this.clock = clock;
    }

    @Override
    public void configure() {
        long flushMillis = properties.flushInterval().toMillis();
        from("timer:alerts-flush?period=" + flushMillis + "&delay=" + flushMillis)
                .routeId("alerts-flush")
                .process(exchange -> exchange.getMessage().setBody(dispatcher.flush()))
                .split(body())
                .to("seda:notifications?size=10000&blockWhenFull=true");

        from("seda:notifications?size=10000&concurrentConsumers=4")
                .routeId("notifications")
                .process(exchange -> {
                    Notification notification = exchange.getMessage().getBody(Notification.class);
                    exchange.setProperty(Exchanges.NOTIFICATION, notification);
                    exchange.setProperty(Exchanges.RECEIVER, notification.receiver());
                })
                .toD("direct:notify-${exchangeProperty." + Exchanges.RECEIVER + "}");

        setup.receivers().forEach(this::receiverRoute);

        from("direct:deliver-webhook")
                .routeId("deliver-webhook")
                .errorHandler(noErrorHandler())
                .process(attempts::begin)
                .process(this::webhookRequest)
                .to("http://webhook?throwExceptionOnFailure=true&followRedirects=false&skipResponseHeaders=true")
                .process(attempts::sent)
                .process(deadLetters::delivered);

        from("direct:deliver-email")
                .routeId("deliver-email")
                .errorHandler(noErrorHandler())
                .process(attempts::begin)
                .process(this::emailMessage)
                .to(SmtpSession.uri(properties.smtp()))
                .process(attempts::sent)
                .process(deadLetters::delivered);

        from("direct:deliver-log")
                .routeId("deliver-log")
                .errorHandler(noErrorHandler())
                .process(attempts::begin)
                .process(exchange -> {
                    Notification n = Exchanges.notification(exchange);
                    log.info(
                            "Notification {} for receiver {} ({}, {} alerts): {}",
                            n.id(),
                            n.receiver(),
                            n.status(),
                            n.alerts().size(),
                            webhookBodies.render(n, AlertingProperties.WebhookFormat.GENERIC));
                })
                .process(attempts::sent)
                .process(deadLetters::delivered);

        from("direct:delivery-dead").routeId("delivery-dead").process(deadLetters::dead);
    }

    private void receiverRoute(String name, ReceiverProperties receiver) {
        Retry retry = receiver.retry();
        DeadLetterChannelBuilder errorHandler = deadLetterChannel("direct:delivery-dead");
        errorHandler
                .maximumRedeliveries(retry.maxAttempts() - 1)
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(retry.multiplier())
                .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                .asyncDelayedRedelivery()
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logExhausted(false)
                .onExceptionOccurred(attempts::failed);
        if (retry.jitter() > 0) {
            errorHandler.useCollisionAvoidance().collisionAvoidancePercent(retry.jitter() * 100);
        }
        from("direct:notify-" + name)
                .routeId("notify-" + name)
                .errorHandler(errorHandler)
                .to("direct:deliver-" + receiver.type().name().toLowerCase(Locale.ROOT));
    }

    private ReceiverProperties receiver(Exchange exchange) {
        String name = Exchanges.notification(exchange).receiver();
        ReceiverProperties receiver = setup.receivers().get(name);
        if (receiver == null) {
            throw new IllegalStateException("Receiver " + name + " is not configured");
        }
        return receiver;
    }

    private void webhookRequest(Exchange exchange) {
        Notification notification = Exchanges.notification(exchange);
        WebhookReceiver webhook = receiver(exchange).webhook();
        // Scheme and host again at every call; the addresses are checked by the connection's resolver
        // (PolicyDnsResolver), which resolves once and connects to what it checked.
        webhookPolicy.checkUrl(webhook.url());
        String body = webhookBodies.render(notification, webhook.format());
        Message message = exchange.getMessage();
        // Only the headers set here go out; Camel's own (redelivery state) stay and are never sent.
        message.removeHeaders("*", "Camel*");
        webhook.headers().forEach(message::setHeader);
        if (webhook.secret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            message.setHeader(properties.webhook().timestampHeader(), Long.toString(timestamp));
            message.setHeader(
                    properties.webhook().signatureHeader(), WebhookSignature.sign(webhook.secret(), timestamp, body));
        }
        message.setHeader("X-Esteira-Notification-Id", notification.id());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.HTTP_URI, webhook.url());
        message.setBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private void emailMessage(Exchange exchange) {
        Notification notification = Exchanges.notification(exchange);
        EmailMessage email = EmailRenderer.render(
                notification, receiver(exchange).email(), properties.smtp().from());
        Message message = exchange.getMessage();
        // camel-mail turns every message header into a mail header: only these go out (Camel's own
        // headers, which hold the redelivery state, are filtered by camel-mail).
        message.removeHeaders("*", "Camel*");
        message.setHeader("From", email.from());
        message.setHeader("To", String.join(", ", email.to()));
        if (!email.cc().isEmpty()) {
            message.setHeader("Cc", String.join(", ", email.cc()));
        }
        message.setHeader("Subject", email.subject());
        message.setHeader("X-Esteira-Notification-Id", notification.id());
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        message.setBody(email.body());
    }
}
