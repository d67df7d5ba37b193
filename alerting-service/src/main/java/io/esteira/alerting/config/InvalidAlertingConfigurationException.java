package io.esteira.alerting.config;

import java.util.List;

/** The {@code esteira.alerting} configuration has errors; each names the route or receiver at fault. */
public class InvalidAlertingConfigurationException extends RuntimeException {

    private final List<String> errors;

    public InvalidAlertingConfigurationException(List<String> errors) {
        super("esteira.alerting is invalid; fix these settings and restart: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
