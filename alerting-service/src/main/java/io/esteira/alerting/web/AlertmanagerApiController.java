package io.esteira.alerting.web;

import io.esteira.alerting.intake.AlertEventCodec;
import io.esteira.alerting.intake.AlertIntake;
import io.esteira.alerting.intake.PrometheusAlerts;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractViolationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v2/alerts}: Alertmanager's v2 intake, so that Prometheus ({@code alerting:
 * alertmanagers:}, {@code api_version: v2}) sends its alerts here. Each alert becomes an
 * {@link AlertEvent} ({@link PrometheusAlerts}), is checked against the contract and enters like any
 * other; HTTP basic with the API credentials, as the rest of {@code /api}.
 */
@RestController
public class AlertmanagerApiController {

    private final AlertEventCodec codec;
    private final AlertIntake intake;
    private final Clock clock;

    public AlertmanagerApiController(AlertEventCodec codec, AlertIntake intake, Clock clock) {
        this.codec = codec;
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v2/alerts",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(@RequestBody byte[] body) {
        List<AlertEvent> events;
        try {
            // Through the codec, so that an alert the contract refuses is refused here, not half-stored.
            events = PrometheusAlerts.read(body, clock.instant()).stream()
                    .map(event -> codec.read(codec.write(event)))
                    .toList();
        } catch (IllegalArgumentException e) {
            intake.invalid("prometheus");
            return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
        } catch (ContractViolationException e) {
            intake.invalid("prometheus");
            return ResponseEntity.badRequest().body(Map.of("field", e.field(), "message", e.getMessage()));
        }
        events.forEach(event -> intake.accept(event, "prometheus"));
        return ResponseEntity.ok(Map.of("accepted", events.size()));
    }
}
