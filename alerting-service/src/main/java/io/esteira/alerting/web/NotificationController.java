package io.esteira.alerting.web;

import io.esteira.alerting.dispatch.DispatchStore;
import io.esteira.alerting.dispatch.DispatchStore.LoggedNotification;
import io.esteira.alerting.dispatch.Dispatcher;
import io.esteira.alerting.dispatch.Notification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications}: the notification log ({@code audit.alert_notification}). {@code GET}
 * lists by state ({@code dead} by default, newest first), {@code GET /{id}} shows one with its body,
 * and {@code POST /{id}/replay} sends a dead notification again, as it was, to its receiver.
 */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    private static final Set<String> STATES = Set.of("pending", "sent", "dead", "abandoned");

    private final DispatchStore store;
    private final Dispatcher dispatcher;
    private final ProducerTemplate producer;

    public NotificationController(DispatchStore store, Dispatcher dispatcher, ProducerTemplate producer) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.producer = producer;
    }

    @GetMapping
    public ResponseEntity<?> list(
            @RequestParam(defaultValue = "dead") String state, @RequestParam(defaultValue = "100") int limit) {
        if (!STATES.contains(state)) {
            return ResponseEntity.badRequest()
                    .body(Map.of("field", "state", "message", "state must be one of pending, sent, dead, abandoned"));
        }
        if (limit < 1 || limit > 1000) {
            return ResponseEntity.badRequest()
                    .body(Map.of("field", "limit", "message", "limit must be between 1 and 1000"));
        }
        List<Map<String, Object>> rows = store.notifications(state, limit).stream()
                .map(n -> view(n, false))
                .toList();
        return ResponseEntity.ok(rows);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        return store.notification(id)
                .map(n -> ResponseEntity.ok(view(n, true)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable String id) {
        Optional<Notification> reopened = dispatcher.reopenDead(id);
        if (reopened.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of(
                            "id",
                            id,
                            "message",
                            "no dead notification " + id + ": list them with GET /api/notifications?state=dead"));
        }
        producer.sendBody("seda:notifications", reopened.get());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("id", id, "receiver", reopened.get().receiver(), "state", "pending"));
    }

    private static Map<String, Object> view(LoggedNotification n, boolean withBody) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", n.id());
        view.put("receiver", n.receiver());
        view.put("status", n.status());
        view.put("state", n.state());
        view.put("reason", n.reason() == null ? "" : n.reason());
        view.put("createdAt", n.createdAt().toString());
        view.put("finishedAt", n.finishedAt() == null ? "" : n.finishedAt().toString());
        view.put("replays", n.replays());
        if (withBody) {
            view.put("body", n.body());
        }
        return view;
    }
}
