package io.esteira.quality.route;

import io.esteira.quality.config.QualityProperties;
import io.esteira.quality.run.CheckRunner;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code check-overdue}: every {@code esteira.quality.overdue-period} (PT1M) raises "check
 * overdue" for each check that has not completed a run within twice its schedule
 * ({@link CheckRunner#reportOverdue()}). It runs on Camel's timer thread, not on the Quartz threads a
 * hung check may be holding.
 */
@Component
public class OverdueRoute extends RouteBuilder {

    public static final String ROUTE_ID = "check-overdue";

    private final CheckRunner runner;
    private final QualityProperties properties;

    public OverdueRoute(CheckRunner runner, QualityProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:check-overdue?period=" + properties.overduePeriod().toMillis())
                .routeId(ROUTE_ID)
                .routeConfigurationId(ErrorHandlingRoutes.ID)
                .process(exchange -> runner.reportOverdue());
    }
}
