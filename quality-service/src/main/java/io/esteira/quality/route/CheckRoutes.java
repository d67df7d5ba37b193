package io.esteira.quality.route;

import io.esteira.quality.check.Check;
import io.esteira.quality.run.CheckRegistry;
import io.esteira.quality.run.CheckRunner;
import io.esteira.runtime.route.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per enabled check, id {@code check-<id>}, fired by Quartz on the check's cron in the
 * business zone. {@code stateful=true}: a run that outlasts its period delays the next one instead of
 * overlapping it.
 */
@Component
public class CheckRoutes extends RouteBuilder {

    private final CheckRegistry checks;
    private final CheckRunner runner;

    public CheckRoutes(CheckRegistry checks, CheckRunner runner) {
        this.checks = checks;
        this.runner = runner;
    }

    @Override
    public void configure() {
        for (Check check : checks.all()) {
            String id = check.id();
            from(uri(check))
                    .routeId(routeId(id))
                    .routeConfigurationId(ErrorHandlingRoutes.ID)
                    .process(exchange -> runner.run(id));
        }
    }

    public static String routeId(String checkId) {
        return "check-" + checkId;
    }

    /** {@code quartz:esteira-quality/<id>?cron=0+*\/15+*+*+*+?&trigger.timeZone=RAW(<zone>)&stateful=true}. */
    static String uri(Check check) {
        return "quartz:esteira-quality/" + check.id() + "?cron="
                + check.definition().schedule().replace(' ', '+') + "&trigger.timeZone=RAW("
                + check.definition().zone().getId() + ")&stateful=true";
    }
}
