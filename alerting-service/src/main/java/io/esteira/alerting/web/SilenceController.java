package io.esteira.alerting.web;

import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import io.esteira.alerting.silence.Silence;
import io.esteira.alerting.silence.SilenceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/silences}: create ({@code POST}), list ({@code GET}), read ({@code GET /{id}}) and expire
 * ({@code DELETE /{id}}) silences. Matchers are written as in routes ({@code entity=orders},
 * {@code kind=~sla|quality}); {@code startsAt} defaults to now.
 */
@RestController
@RequestMapping("/api/silences")
public class SilenceController {

    /** What a client posts. */
    public record SilenceRequest(
            List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {}

    private final SilenceStore silences;
    private final Clock clock;

    public SilenceController(SilenceStore silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody SilenceRequest request) {
        List<Matcher> matchers = new ArrayList<>();
        List<String> texts = request.matchers() == null ? List.of() : request.matchers();
        for (int i = 0; i < texts.size(); i++) {
            try {
                matchers.add(Matcher.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                return problem("matchers[" + i + "]", e.getMessage());
            }
        }
        try {
            Silence silence = silences.create(
                    new Matchers(matchers),
                    request.startsAt(),
                    request.endsAt(),
                    request.createdBy(),
                    request.comment());
            return ResponseEntity.status(HttpStatus.CREATED).body(view(silence));
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage().startsWith("matchers") ? "matchers" : "endsAt", e.getMessage());
        }
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return silences.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        return silences.get(id)
                .map(s -> ResponseEntity.ok(view(s)))
                .orElse(ResponseEntity.notFound().build());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Map<String, Object>> expire(@PathVariable String id) {
        return silences.expire(id)
                .map(s -> ResponseEntity.ok(view(s)))
                .orElse(ResponseEntity.notFound().build());
    }

    private Map<String, Object> view(Silence silence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", silence.id());
        view.put(
                "matchers",
                silence.matchers().all().stream().map(Matcher::toString).toList());
        view.put("startsAt", silence.startsAt().toString());
        view.put("endsAt", silence.endsAt().toString());
        view.put("createdBy", silence.createdBy() == null ? "" : silence.createdBy());
        view.put("comment", silence.comment() == null ? "" : silence.comment());
        view.put("state", silence.state(clock.instant()).name().toLowerCase(Locale.ROOT));
        return view;
    }

    private static ResponseEntity<Map<String, Object>> problem(String field, String message) {
        return ResponseEntity.badRequest().body(Map.of("field", field, "message", message));
    }
}
