package io.esteira.runtime.broker;

import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.UnreachableEndpointException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The Artemis connection factory every service uses ({@code esteira.broker.*}). The broker is
 * contacted once at start-up so that a wrong URL or login stops the service with a message that
 * names {@code esteira.broker.url}.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    @Bean
    public ConnectionFactory jmsConnectionFactory(EsteiraProperties properties) {
        Endpoint endpoint = properties.broker();
        // Fail fast: probe with a few connect attempts rather than hang start-up on a wrong URL.
        ActiveMQConnectionFactory probeFactory = artemis(endpoint);
        probeFactory.setInitialConnectAttempts(3);
        probeFactory.setRetryInterval(500);
        try (probeFactory;
                Connection probe = probeFactory.createConnection()) {
            probe.getMetaData();
        } catch (JMSException e) {
            throw new UnreachableEndpointException("esteira.broker", endpoint, e);
        }
        // Once running, ride out broker restarts: reconnect forever.
        ActiveMQConnectionFactory artemis = artemis(endpoint);
        artemis.setReconnectAttempts(-1);
        artemis.setRetryInterval(1000);
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(10);
        caching.setReconnectOnException(true);
        return caching;
    }

    private static ActiveMQConnectionFactory artemis(Endpoint endpoint) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(endpoint.url());
        if (!endpoint.username().isEmpty()) {
            factory.setUser(endpoint.username());
            factory.setPassword(endpoint.password());
        }
        return factory;
    }
}
