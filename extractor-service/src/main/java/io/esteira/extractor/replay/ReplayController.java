package io.esteira.extractor.replay;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/replay}: re-extract a window of an entity (see {@link ReplayRequest}); a request the
 * service refuses answers 400 with the reason (shared-runtime's {@code BadRequestAdvice}).
 */
@RestController
@RequestMapping("/api/replay")
public class ReplayController {

    private final ReplayService replays;

    public ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping
    public ReplayService.ReplayResult replay(@Valid @RequestBody ReplayRequest request) {
        return replays.replay(request);
    }
}
