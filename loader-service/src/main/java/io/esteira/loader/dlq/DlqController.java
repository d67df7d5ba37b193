package io.esteira.loader.dlq;

import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dlq}: list ({@code GET}), show one ({@code GET /{messageId}}), replay ({@code POST
 * /replay}, a dry run unless {@code dryRun=false}) the batches in the DLQs.
 */
@RestController
@RequestMapping("/api/dlq")
public class DlqController {

    private final DlqService dlq;

    public DlqController(DlqService dlq) {
        this.dlq = dlq;
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
