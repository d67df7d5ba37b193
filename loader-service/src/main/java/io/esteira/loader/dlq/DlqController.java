package io.esteira.loader.dlq;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.loader.apply.BatchApplier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dlq}: list ({@code GET}), show one ({@code GET /{messageId}}), replay ({@code POST
 * /replay}, a dry run unless {@code dryRun=false}) the batches in the DLQs; and the keys no derive pass
 * could take ({@code GET /derive}), queued again after the fix with {@code POST /derive/retry}.
 */
@RestController
@RequestMapping("/api/dlq")
public class DlqController {

    private final DlqService dlq;
    private final BatchApplier applier;
    private final EntityCatalog catalog;

    public DlqController(DlqService dlq, BatchApplier applier, EntityCatalog catalog) {
        this.dlq = dlq;
        this.applier = applier;
        this.catalog = catalog;
    }

    @GetMapping("/derive")
    public List<Map<String, Object>> parkedKeys() {
        return applier.parked();
    }

    /**
     * Queues the parked keys of {@code entity} (all when absent) for the next derive pass; an entity not in
     * the catalog is refused (400) rather than answered "0 queued".
     */
    @PostMapping("/derive/retry")
    public Map<String, Object> retryParkedKeys(@RequestParam(required = false) String entity) {
        String name = entity == null ? null : catalog.get(entity).name();
        return Map.of("queued", applier.retryParked(name));
    }

    @GetMapping
    public List<DlqEntry> list(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return dlq.list(new DlqFilter(entity, null, reason, from, to));
    }

    @GetMapping("/{messageId}")
    public ResponseEntity<DlqEntry> show(@PathVariable String messageId) {
        DlqEntry entry = dlq.show(messageId);
        return entry == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(entry);
    }

    @PostMapping("/replay")
    public DlqService.ReplayReport replay(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String messageId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "true") boolean dryRun) {
        return dlq.replay(new DlqFilter(entity, messageId, reason, from, to), dryRun);
    }
}
