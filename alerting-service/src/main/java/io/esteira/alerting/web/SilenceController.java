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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/silences}: create or update ({@code POST}, with an {@code id} to update), list with matchers
 * ({@code GET ?filter=}), read ({@code GET /{id}}) and expire ({@code DELETE /{id}}) silences. Matchers are written as in routes ({@code entity=orders},
 * {@code kind=~sla|quality}); {@code startsAt} defaults to now.
 */
@RestController
@RequestMapping("/api/silences")
public class SilenceController {

    /** What a client posts. */
    public record SilenceRequest(
            String id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {}

    private final SilenceStore silences;
    private final Clock clock;

    public SilenceController(SilenceStore silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    /**
     * Creates a silence ({@code 201}), or with an {@code id} changes that one as Alertmanager does
     * ({@code 200}; {@link SilenceStore#update}: in place, or replaced by a new silence whose id the answer
     * gives); {@code 404} for an unknown id.
     */
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody SilenceRequest request) {
        Matchers matchers;
        try {
            matchers = parse("matchers", request.matchers());
        } catch (InvalidMatcherException e) {
            return problem(e.field, e.getMessage());
        }
        try {
            if (request.id() == null || request.id().isBlank()) {
                Silence silence = silences.create(
                        matchers, request.startsAt(), request.endsAt(), request.createdBy(), request.comment());
                return ResponseEntity.status(HttpStatus.CREATED).body(view(silence));
            }
            return silences.update(
                            request.id(),
                            matchers,
                            request.startsAt(),
                            request.endsAt(),
                            request.createdBy(),
                            request.comment())
                    .map(silence -> ResponseEntity.ok(view(silence)))
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                            .body(Map.of(
                                    "field",
                                    "id",
                                    "message",
                                    "silence " + request.id() + " does not exist: omit id to create one")));
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage().startsWith("matchers") ? "matchers" : "endsAt", e.getMessage());
        }
    }

    /**
     * Silences, newest first; {@code filter} (repeatable, {@code =}, {@code !=}, {@code =~}, {@code !~})
     * keeps those whose matchers' labels it matches, as Alertmanager's {@code GET /silences?filter=}.
     */
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(name = "filter", required = false) List<String> filter) {
        try {
            return ResponseEntity.ok(silences.list(parse("filter", filter)).stream()
                    .map(this::view)
                    .toList());
        } catch (InvalidMatcherException e) {
            return problem(e.field, e.getMessage());
        }
    }

    private static Matchers parse(String field, List<String> texts) {
        List<Matcher> matchers = new ArrayList<>();
        List<String> all = texts == null ? List.of() : texts;
        for (int i = 0; i < all.size(); i++) {
            try {
                matchers.add(Matcher.parse(all.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InvalidMatcherException(field + "[" + i + "]", e.getMessage());
            }
        }
        return new Matchers(matchers);
    }

    private static final class InvalidMatcherException extends RuntimeException {
        private final String field;

        InvalidMatcherException(String field, String message) {
            super(message);
            this.field = field;
        }
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
