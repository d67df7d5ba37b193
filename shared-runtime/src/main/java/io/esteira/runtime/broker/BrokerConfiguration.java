package io.esteira.runtime.broker;

import io.esteira.runtime.config.Endpoint;
import io.esteira.runtime.config.EsteiraProperties;
import io.esteira.runtime.config.TimeoutProperties;
import io.esteira.runtime.config.TrainingRun;
import io.esteira.runtime.config.UnreachableEndpointException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.Locale;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The Artemis connection factory every service uses ({@code esteira.broker.*}). The broker is
 * contacted once at start-up so that a wrong URL or login stops the service with a message that
 * names {@code esteira.broker.url}; not in a class-data-sharing {@link TrainingRun}, where none answers and
 * nothing will send or receive.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    /**
     * Messages up to this size travel as regular messages, written into the broker's journal with the
     * rest of the transaction; larger ones as large messages (a file of their own on the broker, streamed
     * in chunks to the consumer), which the profile of a 5,000-row batch showed to cost more than the
     * batch's own parsing (docs/performance.md). 8 MiB keeps every batch of the default size regular and
     * still fits a record in the brokers' 10 MiB journal files (a record must fit in one file).
     */
    public static final int MIN_LARGE_MESSAGE_SIZE = 8 * 1024 * 1024;

    /**
     * No client-side prefetch: a consumer takes a message from the broker when it is ready for it. With
     * Artemis's default (1 MiB of credit per consumer) every consumer of the loader buffered at least one
     * change batch ahead — with eleven entities and 1.5 MiB batches, up to ~16 MiB of messages held in a
     * 96 MB heap for seconds, long enough to be promoted and to force full collections one after the other
     * (docs/performance.md, "Garbage collection"). The messages that matter are large and few, so one
     * round trip per message costs nothing measurable; the broker, not the heap, is where a backlog waits.
     */
    public static final int CONSUMER_WINDOW_SIZE = 0;

    @Bean
    public ConnectionFactory jmsConnectionFactory(EsteiraProperties properties, TimeoutProperties timeouts) {
        Endpoint endpoint = properties.broker();
        if (!TrainingRun.active()) {
            probe(endpoint, timeouts);
        }
        ActiveMQConnectionFactory artemis = running(endpoint, timeouts);
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(10);
        caching.setReconnectOnException(true);
        return caching;
    }

    /** Fail fast: probe with a few connect attempts rather than hang start-up on a wrong URL. */
    private static void probe(Endpoint endpoint, TimeoutProperties timeouts) {
        ActiveMQConnectionFactory probeFactory = artemis(endpoint, timeouts);
        probeFactory.setInitialConnectAttempts(3);
        probeFactory.setRetryInterval(500);
        try (probeFactory;
                Connection probe = probeFactory.createConnection()) {
            probe.getMetaData();
        } catch (JMSException e) {
            throw new UnreachableEndpointException("esteira.broker", endpoint, e);
        }
    }

    /**
     * The factory the service runs on. Once running, the client rides out a short broker blip (or fails over to
     * the backup of a pair, {@code (tcp://a:61616,tcp://b:61616)?ha=true}) by itself; past that the connection
     * fails and Spring's listener containers and the caching factory open a new one from the URL's brokers, so
     * the service recovers from a broker restart of any length without ever blocking its own shutdown on an
     * endless reconnect loop. Reconnection the URL sets itself ({@code reconnectAttempts=-1} for a pair, say)
     * is the operator's word and stays.
     */
    static ActiveMQConnectionFactory running(Endpoint endpoint, TimeoutProperties timeouts) {
        ActiveMQConnectionFactory artemis = artemis(endpoint, timeouts);
        if (!setsItself(endpoint, "reconnectattempts")) {
            artemis.setReconnectAttempts(3);
        }
        if (!setsItself(endpoint, "retryinterval")) {
            artemis.setRetryInterval(500);
        }
        if (!setsItself(endpoint, "retryintervalmultiplier")) {
            artemis.setRetryIntervalMultiplier(2.0);
        }
        // Change batches are sent as bytes and stay in the journal, not as large-message files, up to
        // MIN_LARGE_MESSAGE_SIZE: a 5,000-row batch of order items is ~1.5 MiB of JSON.
        artemis.setMinLargeMessageSize(MIN_LARGE_MESSAGE_SIZE);
        if (!setsItself(endpoint, "consumerwindowsize")) {
            artemis.setConsumerWindowSize(CONSUMER_WINDOW_SIZE);
        }
        return artemis;
    }

    /**
     * The {@code jms} component, bound to this connection factory up front. Left to Camel's autowiring,
     * the component is created on first use; threads that first use it together at start-up (every
     * entity's Quartz job, say) could get it before its factory was set ("connectionFactory must be
     * specified") and keep failing.
     */
    @Bean("jms")
    public JmsComponent jmsComponent(ConnectionFactory jmsConnectionFactory) {
        return JmsComponent.jmsComponent(jmsConnectionFactory);
    }

    /**
     * A factory for {@code endpoint} with every network timeout set explicitly (esteira.timeouts.broker-*):
     * a blocking call (send, commit, acknowledge) fails after {@code brokerCall} instead of waiting on a
     * broker that went silent, and a connection that hears nothing for {@code brokerFailureCheck} is taken
     * for lost, so the client reconnects (and the listener containers open a new connection). A parameter
     * the URL sets itself ({@code ?callTimeout=…}) is the operator's word and stays.
     */
    static ActiveMQConnectionFactory artemis(Endpoint endpoint, TimeoutProperties timeouts) {
        ActiveMQConnectionFactory factory;
        try {
            factory = new ActiveMQConnectionFactory(endpoint.url());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "esteira.broker.url '" + endpoint.safeUrl() + "' is not an Artemis URL (" + e.getMessage()
                            + "); write tcp://host:61616, or (tcp://primary:61616,tcp://backup:61616)?ha=true for a"
                            + " broker pair",
                    e);
        }
        if (!setsItself(endpoint, "calltimeout")) {
            factory.setCallTimeout(timeouts.brokerCall().toMillis());
        }
        if (!setsItself(endpoint, "callfailovertimeout")) {
            factory.setCallFailoverTimeout(timeouts.brokerCall().toMillis());
        }
        if (!setsItself(endpoint, "connectionttl")) {
            factory.setConnectionTTL(timeouts.brokerConnectionTtl().toMillis());
        }
        if (!setsItself(endpoint, "clientfailurecheckperiod")) {
            factory.setClientFailureCheckPeriod(timeouts.brokerFailureCheck().toMillis());
        }
        if (!endpoint.username().isEmpty()) {
            factory.setUser(endpoint.username());
            factory.setPassword(endpoint.password());
        }
        return factory;
    }

    /** True when the URL sets the parameter itself (case-insensitive, {@code ?name=} or {@code &name=}). */
    private static boolean setsItself(Endpoint endpoint, String parameter) {
        return endpoint.url().toLowerCase(Locale.ROOT).matches("(?s).*[?&;]" + parameter + "=.*");
    }
}
