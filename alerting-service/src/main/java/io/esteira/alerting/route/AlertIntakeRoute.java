package io.esteira.alerting.route;

import io.esteira.alerting.intake.AlertEventCodec;
import io.esteira.alerting.intake.AlertIntake;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractViolationException;
import io.esteira.contracts.Queues;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code alerts-intake}: consumes {@code dw.alerts} in a JMS transaction. A valid event goes to the
 * dispatcher; an invalid one goes, as it arrived, to {@code DLQ.dw.alerts} with the reason in the
 * {@code esteira_error} header. Any other failure rolls back, and the broker redelivers (then dead
 * letters) the message: nothing is dropped silently.
 */
public class AlertIntakeRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(AlertIntakeRoute.class);

    static final String INVALID = "esteiraInvalid";

    private final AlertEventCodec codec;
    private final AlertIntake intake;
    private final int consumers;

    public AlertIntakeRoute(AlertEventCodec codec, AlertIntake intake, int consumers) {
        this.codec = codec;
        this.intake = intake;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        from("jms:queue:" + Queues.ALERTS + "?transacted=true&concurrentConsumers=" + consumers)
                .routeId("alerts-intake")
                .routeConfigurationId(ErrorHandlingRoutes.ID)
                .process(this::accept)
                .filter(exchangeProperty(INVALID).isEqualTo(true))
                .to("jms:queue:" + Queues.deadLetter(Queues.ALERTS))
                .end();
    }

    private void accept(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        AlertEvent event;
        try {
            event = codec.read(body == null ? new byte[0] : body);
        } catch (ContractViolationException e) {
            String reason = e.field() + ": " + e.getMessage();
            log.warn(
                    "Refusing an alert event from {} to {}: {}",
                    Queues.ALERTS,
                    Queues.deadLetter(Queues.ALERTS),
                    reason);
            intake.invalid("jms");
            exchange.setProperty(INVALID, true);
            exchange.getMessage().setHeader(Queues.ERROR_HEADER, reason);
            exchange.getMessage().setBody(body);
            return;
        }
        intake.accept(event, "jms");
    }
}
