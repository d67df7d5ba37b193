package io.esteira.quality.web;

import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.Check;
import io.esteira.quality.run.CheckRegistry;
import io.esteira.quality.run.CheckRunner;
import io.esteira.quality.run.ResultStore;
import io.esteira.quality.run.UnknownCheckException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/checks} (every enabled check with its latest result), {@code GET
 * /api/checks/{id}/history?limit=&page=&from=&to=} (its results, newest first, paged) and {@code POST /api/checks/{id}/run}
 * (run it now; answers the result). Bad input answers 400 with the message (shared-runtime's {@code
 * BadRequestAdvice}), an unknown check 404.
 */
@RestController
@RequestMapping("/api/checks")
public class CheckController {

    private static final int MAX_HISTORY = 1000;
    private static final int MAX_PAGE = 1_000_000;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final CheckRegistry checks;
    private final CheckRunner runner;
    private final ResultStore results;

    public CheckController(CheckRegistry checks, CheckRunner runner, ResultStore results) {
        this.checks = checks;
        this.runner = runner;
        this.results = results;
    }

    /**
     * A check as the API shows it.
     *
     * @param latest its latest result, null when it has not run yet
     */
    public record CheckView(
            String id,
            String kind,
            String schedule,
            String zone,
            String severity,
            String description,
            boolean repair,
            QualityResult latest) {}

    @GetMapping
    public List<CheckView> list() {
        Map<String, QualityResult> latest = results.latest();
        return checks.all().stream().map(c -> view(c, latest.get(c.id()))).toList();
    }

    @GetMapping("/{id}")
    public CheckView one(@PathVariable String id) {
        Check check = checks.find(id).orElseThrow(() -> new UnknownCheckException(id));
        return view(check, results.latest().get(id));
    }

    /**
     * Page {@code page} (from 0) of {@code limit} results of a check, newest first, optionally only those
     * started in {@code [from, to)} (ISO-8601 instants); a full page links the next one ({@code Link: <…>;
     * rel="next"}).
     */
    @GetMapping("/{id}/history")
    public ResponseEntity<List<QualityResult>> history(
            @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        checks.find(id).orElseThrow(() -> new UnknownCheckException(id));
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY + ", not " + limit + ".");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE + ", not " + page + ".");
        }
        Instant start = instant("from", from, EARLIEST);
        Instant end = instant("to", to, LATEST);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from (" + start + ") must be before to (" + end + ").");
        }
        List<QualityResult> found = results.history(id, start, end, page, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (found.size() == limit) {
            response.header(
                    HttpHeaders.LINK,
                    "<"
                            + ServletUriComponentsBuilder.fromCurrentRequest()
                                    .replaceQueryParam("page", page + 1)
                                    .toUriString()
                            + ">; rel=\"next\"");
        }
        return response.body(found);
    }

    private static Instant instant(String parameter, String value, Instant absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    parameter + " '" + value + "' is not an ISO-8601 instant; write it as 2026-11-21T00:00:00Z.");
        }
    }

    @PostMapping("/{id}/run")
    public QualityResult run(@PathVariable String id) {
        return runner.run(id);
    }

    @ExceptionHandler(UnknownCheckException.class)
    ResponseEntity<Map<String, String>> notFound(UnknownCheckException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    private CheckView view(Check check, QualityResult latest) {
        return new CheckView(
                check.id(),
                check.kind().id(),
                check.definition().schedule(),
                check.definition().zone().getId(),
                check.definition().severity().name(),
                check.definition().description(),
                checks.repair(check.id()).isPresent(),
                latest);
    }
}
