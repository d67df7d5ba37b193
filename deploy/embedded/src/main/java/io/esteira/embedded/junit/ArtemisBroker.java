package io.esteira.embedded.junit;

import io.esteira.embedded.EmbeddedBroker;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a real Artemis broker, in process, on a free loopback port, with the
 * production address settings (redelivery, DLQ, duplicate detection):
 *
 * <pre>{@code
 * @RegisterExtension static final ArtemisBroker broker = new ArtemisBroker();
 * }</pre>
 */
public final class ArtemisBroker implements BeforeAllCallback, AfterAllCallback {

    private final EmbeddedBroker.Redelivery redelivery;
    private EmbeddedBroker broker;

    public ArtemisBroker() {
        this(EmbeddedBroker.Redelivery.defaults());
    }

    public ArtemisBroker(EmbeddedBroker.Redelivery redelivery) {
        this.redelivery = redelivery;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedBroker.onFreePort(redelivery).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    public EmbeddedBroker broker() {
        if (broker == null) {
            throw new IllegalStateException(
                    "The broker runs only between beforeAll and afterAll; register ArtemisBroker as a static"
                            + " @RegisterExtension field");
        }
        return broker;
    }

    public String url() {
        return broker().url();
    }

    public ActiveMQConnectionFactory connectionFactory() {
        return broker().connectionFactory();
    }

    public long messageCount(String queue) {
        return broker().messageCount(queue);
    }
}
