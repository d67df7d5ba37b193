package io.esteira.alerting.silence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The silences, in the DW table {@code ctl.alert_silence} (the loader's migration V50): they survive a
 * restart and every replica sees the same ones. Expired silences are kept for {@code retention} so that
 * they can still be listed.
 */
public final class SilenceStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "silence_id, matchers, starts_at, ends_at, created_by, comment";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    public SilenceStore(DataSource dataSource, Clock clock, Duration retention) {
        this.jdbc = new JdbcTemplate(dataSource);
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
        validate(matchers, start, endsAt, now);
        Silence silence = new Silence(UUID.randomUUID().toString(), matchers, start, endsAt, createdBy, comment);
        jdbc.update(
                "INSERT INTO ctl.alert_silence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                silence.id(),
                write(matchers),
                utc(silence.startsAt()),
                utc(silence.endsAt()),
                createdBy,
                comment);
        return silence;
    }

    /**
     * Changes a silence the way Alertmanager's API does ({@code POST} with an {@code id}): in place when the
     * matchers are the same and the silence is pending (and would start now or later) or active (same start,
     * end not in the past); otherwise the old one is expired (unless it already is) and a new silence, with a
     * new id, replaces it. {@code createdBy} and {@code comment} are kept when not given. Empty when there
     * is no silence of that id.
     *
     * @throws IllegalArgumentException as {@link #create}
     */
    public Optional<Silence> update(
            String id, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        Optional<Silence> previous = get(id);
        if (previous.isEmpty()) {
            return previous;
        }
        Instant now = clock.instant();
        Silence old = previous.get();
        // Who created it and why stay unless the change says otherwise.
        createdBy = createdBy == null ? old.createdBy() : createdBy;
        comment = comment == null ? old.comment() : comment;
        Instant start = startsAt == null ? (old.state(now) == Silence.State.ACTIVE ? old.startsAt() : now) : startsAt;
        if (canUpdateInPlace(old, matchers, start, endsAt, now)) {
            validate(matchers, start, endsAt, now);
            jdbc.update(
                    "UPDATE ctl.alert_silence SET starts_at = ?, ends_at = ?, created_by = ?, comment = ?"
                            + " WHERE silence_id = ?",
                    utc(start),
                    utc(endsAt),
                    createdBy,
                    comment,
                    id);
            return get(id);
        }
        Silence replacement = create(matchers, startsAt, endsAt, createdBy, comment);
        if (old.state(now) != Silence.State.EXPIRED) {
            expire(id);
        }
        return Optional.of(replacement);
    }

    /** Alertmanager's rule ({@code silence.canUpdate}): same matchers, and the change does not rewrite history. */
    private static boolean canUpdateInPlace(Silence old, Matchers matchers, Instant start, Instant end, Instant now) {
        if (!old.matchers().equals(matchers)) {
            return false;
        }
        return switch (old.state(now)) {
            case ACTIVE -> start.equals(old.startsAt()) && end != null && !end.isBefore(now);
            case PENDING -> !start.isBefore(now);
            case EXPIRED -> false;
        };
    }

    private static void validate(Matchers matchers, Instant start, Instant endsAt, Instant now) {
        if (matchers.all().isEmpty()) {
            throw new IllegalArgumentException("matchers is empty: a silence must name at least one label condition");
        }
        if (endsAt == null || !endsAt.isAfter(start) || !endsAt.isAfter(now)) {
            throw new IllegalArgumentException("endsAt must be after startsAt and in the future");
        }
    }

    public Optional<Silence> get(String id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM ctl.alert_silence WHERE silence_id = ?", this::silence, id)
                .stream()
                .findFirst();
    }

    /** Ends the silence now; empty when there is no such silence. */
    public Optional<Silence> expire(String id) {
        Instant now = clock.instant();
        jdbc.update(
                "UPDATE ctl.alert_silence SET ends_at = ?, starts_at = CASE WHEN starts_at > ? THEN ? ELSE starts_at END"
                        + " WHERE silence_id = ? AND ends_at > ?",
                utc(now),
                utc(now),
                utc(now),
                id,
                utc(now));
        return get(id);
    }

    /** All silences not yet past retention, newest first. */
    public List<Silence> list() {
        return list(Matchers.ANY);
    }

    /**
     * The silences not yet past retention that {@code filter} selects, newest first. As in Alertmanager's
     * {@code GET /silences?filter=}, a silence is selected when every filter matcher matches the labels its
     * own matchers name (name to value): {@code entity=~ord.*} selects a silence of {@code entity=orders}.
     */
    public List<Silence> list(Matchers filter) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM ctl.alert_silence WHERE ends_at < ?", utc(now.minus(retention)));
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM ctl.alert_silence ORDER BY starts_at DESC, silence_id",
                        this::silence)
                .stream()
                .filter(silence -> filter.matches(silence.matcherLabels()))
                .toList();
    }

    public boolean isSilenced(Map<String, String> labels) {
        Instant now = clock.instant();
        return active(now).stream().anyMatch(silence -> silence.mutes(labels, now));
    }

    public long activeCount() {
        return active(clock.instant()).size();
    }

    private List<Silence> active(Instant now) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM ctl.alert_silence WHERE starts_at <= ? AND ends_at > ?",
                this::silence,
                utc(now),
                utc(now));
    }

    private Silence silence(ResultSet rs, int row) throws SQLException {
        return new Silence(
                rs.getString("silence_id"),
                read(rs.getString("matchers"), rs.getString("silence_id")),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("created_by"),
                rs.getString("comment"));
    }

    private static String write(Matchers matchers) {
        try {
            return JSON.writeValueAsString(
                    matchers.all().stream().map(Matcher::toString).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the matchers of a silence as JSON", e);
        }
    }

    private static Matchers read(String json, String id) {
        try {
            List<String> texts = JSON.readValue(json, new TypeReference<List<String>>() {});
            return new Matchers(texts.stream().map(Matcher::parse).toList());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Silence " + id + " in ctl.alert_silence has unreadable matchers (" + e.getMessage()
                            + "): expire it with DELETE /api/silences/" + id + " or fix the row",
                    e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
