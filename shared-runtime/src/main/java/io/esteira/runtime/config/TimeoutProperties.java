package io.esteira.runtime.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long every database and broker call may wait on the network ({@code esteira.timeouts.*}). Without
 * them a connection whose peer went away without a word (a half-open TCP connection: a cut cable, a
 * firewall that dropped its state, a stalled proxy) blocks the thread that reads it for ever.
 *
 * @param databaseConnect the longest wait for a pooled connection (Hikari {@code connectionTimeout}) and
 *     for the driver to open a new one (pgjdbc {@code connectTimeout}, mssql-jdbc {@code loginTimeout})
 * @param databaseSocket the longest wait for any reply of the database on an open connection (pgjdbc
 *     and mssql-jdbc {@code socketTimeout}); the connection is then closed and the call fails as a lost
 *     connection. It bounds every statement, so it must be longer than the longest legitimate one: the
 *     loader's derive pass and the quality checks (whose own statement timeout is 5 minutes by default)
 * @param brokerCall the longest wait for the broker to answer a blocking call: a persistent send, a
 *     commit, an acknowledgement (Artemis {@code callTimeout}, and {@code callFailoverTimeout} for a
 *     call made while the client reconnects). 10 s, not Artemis's 30 s: a send in flight when a pair's
 *     primary died seconds after taking back over stayed blocked until this timeout (the client's view
 *     of the pair did not have the backup yet), and only then did the service open a new connection from
 *     the URL's brokers; every blocking call is safe to retry (docs/reliability.md)
 * @param brokerConnectionTtl how long the broker keeps a connection it hears nothing on (Artemis {@code
 *     connectionTTL}; the client pings every half of it)
 * @param brokerFailureCheck how long the client waits without hearing from the broker before it takes
 *     the connection for lost and reconnects (Artemis {@code clientFailureCheckPeriod}); shorter than
 *     {@code brokerConnectionTtl}
 */
@ConfigurationProperties("esteira.timeouts")
public record TimeoutProperties(
        @DefaultValue("10s") Duration databaseConnect,
        @DefaultValue("10m") Duration databaseSocket,
        @DefaultValue("10s") Duration brokerCall,
        @DefaultValue("60s") Duration brokerConnectionTtl,
        @DefaultValue("30s") Duration brokerFailureCheck) {

    /** The shipped defaults, as bound from no properties. */
    public static final TimeoutProperties DEFAULTS = new TimeoutProperties(
            Duration.ofSeconds(10),
            Duration.ofMinutes(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30));

    public TimeoutProperties {
        atLeastOneSecond("database-connect", databaseConnect);
        atLeastOneSecond("database-socket", databaseSocket);
        atLeastOneSecond("broker-call", brokerCall);
        atLeastOneSecond("broker-connection-ttl", brokerConnectionTtl);
        atLeastOneSecond("broker-failure-check", brokerFailureCheck);
        if (brokerFailureCheck.compareTo(brokerConnectionTtl) >= 0) {
            throw new IllegalArgumentException("esteira.timeouts.broker-failure-check (" + brokerFailureCheck
                    + ") must be shorter than esteira.timeouts.broker-connection-ttl (" + brokerConnectionTtl
                    + "), or the broker drops a connection the client still holds for alive: lower the first"
                    + " (docs/runbook.md#a-network-that-stalls)");
        }
    }

    private static void atLeastOneSecond(String name, Duration value) {
        if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("esteira.timeouts." + name + " is " + value
                    + ": set a duration of at least 1s (e.g. 30s, 10m); without one a lost connection blocks for ever"
                    + " (docs/runbook.md#a-network-that-stalls)");
        }
    }
}
