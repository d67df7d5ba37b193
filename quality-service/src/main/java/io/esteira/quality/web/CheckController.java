package io.esteira.quality.web;

import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.Check;
import io.esteira.quality.run.CheckRegistry;
import io.esteira.quality.run.CheckRunner;
import io.esteira.quality.run.ResultStore;
import io.esteira.quality.run.UnknownCheckException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/checks} (every enabled check with its latest result), {@code GET
 * /api/checks/{id}/history?limit=} (its results, newest first) and {@code POST /api/checks/{id}/run}
 * (run it now; answers the result).
 */
@RestController
@RequestMapping("/api/checks")
public class CheckController {

    private static final int MAX_HISTORY = 1000;

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

    @GetMapping("/{id}/history")
    public List<QualityResult> history(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        checks.find(id).orElseThrow(() -> new UnknownCheckException(id));
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY + ", not " + limit + ".");
        }
        return results.history(id, limit);
    }

    @PostMapping("/{id}/run")
    public QualityResult run(@PathVariable String id) {
        return runner.run(id);
    }

    @ExceptionHandler(UnknownCheckException.class)
    ResponseEntity<Map<String, String>> notFound(UnknownCheckException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
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
