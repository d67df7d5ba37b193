package io.esteira.alerting.silence;

import io.esteira.alerting.model.Matchers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silences, in memory (as Alertmanager keeps them, without its snapshot file: a restart forgets
 * them). Expired silences are kept for {@code retention} so that they can still be listed.
 */
public final class SilenceStore {

    private final Clock clock;
    private final Duration retention;
    private final Map<String, Silence> silences = new ConcurrentHashMap<>();

    public SilenceStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Creates a silence.
     *
     * @throws IllegalArgumentException when it has no matcher or does not end after it starts and after now
     */
    public Silence create(Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (matchers.all().isEmpty()) {
            throw new IllegalArgumentException("matchers is empty: a silence must name at least one label condition");
        }
        if (endsAt == null || !endsAt.isAfter(start) || !endsAt.isAfter(now)) {
            throw new IllegalArgumentException("endsAt must be after startsAt and in the future");
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), matchers, start, endsAt, createdBy, comment);
        silences.put(silence.id(), silence);
        return silence;
    }

    public Optional<Silence> get(String id) {
        return Optional.ofNullable(silences.get(id));
    }

    /** Ends the silence now; empty when there is no such silence. */
    public Optional<Silence> expire(String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(silences.computeIfPresent(
                id, (key, silence) -> silence.state(now) == Silence.State.EXPIRED ? silence : silence.expiredAt(now)));
    }

    /** All silences not yet past retention, newest first. */
    public List<Silence> list() {
        Instant now = clock.instant();
        silences.values().removeIf(s -> s.endsAt().plus(retention).isBefore(now));
        List<Silence> all = new ArrayList<>(silences.values());
        all.sort(Comparator.comparing(Silence::startsAt).reversed());
        return all;
    }

    public boolean isSilenced(Map<String, String> labels) {
        Instant now = clock.instant();
        for (Silence silence : silences.values()) {
            if (silence.mutes(labels, now)) {
                return true;
            }
        }
        return false;
    }

    public long activeCount() {
        Instant now = clock.instant();
        return silences.values().stream()
                .filter(s -> s.state(now) == Silence.State.ACTIVE)
                .count();
    }
}
