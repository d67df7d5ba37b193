package io.esteira.alerting;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker and database extensions stop before Spring closes a test's context; a JMS client whose
 * broker is gone then spends minutes reconnecting. Called from {@code @AfterAll}, this stops Camel and
 * closes the JMS connection while the broker still runs.
 */
final class BeforeBrokerStops {

    private BeforeBrokerStops() {}

    static void stop(ConfigurableApplicationContext application) throws Exception {
        if (application == null || !application.isActive()) {
            return;
        }
        application.getBean(CamelContext.class).stop();
        if (application.getBean(ConnectionFactory.class) instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }
}
