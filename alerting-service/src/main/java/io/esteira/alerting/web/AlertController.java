package io.esteira.alerting.web;

import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.intake.AlertEventCodec;
import io.esteira.alerting.intake.AlertIntake;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractViolationException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/alerts}: posts one {@code esteira.alert-event/1}, as a service would on {@code dw.alerts}. */
@RestController
@RequestMapping("/api/alerts")
public class AlertController {

    private final AlertEventCodec codec;
    private final AlertIntake intake;

    public AlertController(AlertEventCodec codec, AlertIntake intake) {
        this.codec = codec;
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(@RequestBody byte[] body) {
        AlertEvent event;
        try {
            event = codec.read(body);
        } catch (ContractViolationException e) {
            intake.invalid("rest");
            return ResponseEntity.badRequest().body(Map.of("field", e.field(), "message", e.getMessage()));
        }
        Dispatcher.Intake result = intake.accept(event, "rest");
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of(
                        "id", event.id(),
                        "outcome",
                                result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        "receivers", result.receivers(),
                        "muted", result.muted()));
    }
}
