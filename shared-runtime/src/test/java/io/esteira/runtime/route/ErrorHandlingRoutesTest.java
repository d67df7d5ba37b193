package io.esteira.runtime.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingRoutesTest {

    private final AtomicInteger calls = new AtomicInteger();
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new ErrorHandlingRoutes());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:work")
                        .routeConfigurationId(ErrorHandlingRoutes.ID)
                        .routeId("work")
                        .process(exchange -> {
                            calls.incrementAndGet();
                            throw exchange.getIn().getBody(Exception.class);
                        });
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void shouldLeaveARetriableFailureUnhandledForTheBrokerOrScheduleToRetryNeverRetryingInPlace() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");

        Exchange result =
                producer.send("direct:work", exchange -> exchange.getIn().setBody(deadlock));

        assertThat(result.getException()).isSameAs(deadlock);
        assertThat(result.getProperty(ErrorHandlingRoutes.FAILURE_PROPERTY)).isEqualTo("RETRIABLE");
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldStillClassifyAFailureTheRouteHasReportedItself() {
        SQLException lost = new SQLException("connection lost", "08006");

        Exchange result = producer.send("direct:work", exchange -> {
            exchange.setProperty(ErrorHandlingRoutes.REPORTED_PROPERTY, true);
            exchange.getIn().setBody(lost);
        });

        assertThat(result.getException()).isSameAs(lost);
        assertThat(result.getProperty(ErrorHandlingRoutes.FAILURE_PROPERTY)).isEqualTo("RETRIABLE");
    }

    @Test
    void shouldMarkAFailureThatNoRetryCanHealAsFatal() {
        var violation = new io.esteira.contracts.ContractViolationException("entity", "is missing");

        Exchange result =
                producer.send("direct:work", exchange -> exchange.getIn().setBody(violation));

        assertThat(result.getException()).isSameAs(violation);
        assertThat(result.getProperty(ErrorHandlingRoutes.FAILURE_PROPERTY)).isEqualTo("FATAL");
        assertThat(calls).hasValue(1);
    }
}
