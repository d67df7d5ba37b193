package io.esteira.alerting.metrics;

import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.silence.SilenceStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up while the intake and flush routes run; details: pending groups and active silences. */
@Component("alerting")
public class AlertingHealthIndicator implements HealthIndicator {

    private final CamelContext camel;
    private final Dispatcher dispatcher;
    private final SilenceStore silences;

    public AlertingHealthIndicator(CamelContext camel, Dispatcher dispatcher, SilenceStore silences) {
        this.camel = camel;
        this.dispatcher = dispatcher;
        this.silences = silences;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (String route : new String[] {"alerts-intake", "alerts-flush"}) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route);
            health.withDetail(route, status == null ? "absent" : status.name());
            if (status != ServiceStatus.Started) {
                health.down();
            }
        }
        return health.withDetail("pendingGroups", dispatcher.pendingGroups())
                .withDetail("activeSilences", silences.activeCount())
                .build();
    }
}
