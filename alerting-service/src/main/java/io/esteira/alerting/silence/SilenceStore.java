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
        if (matchers.all().isEmpty()) {
            throw new IllegalArgumentException("matchers is empty: a silence must name at least one label condition");
        }
        if (endsAt == null || !endsAt.isAfter(start) || !endsAt.isAfter(now)) {
            throw new IllegalArgumentException("endsAt must be after startsAt and in the future");
        }
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
        Instant now = clock.instant();
        jdbc.update("DELETE FROM ctl.alert_silence WHERE ends_at < ?", utc(now.minus(retention)));
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM ctl.alert_silence ORDER BY starts_at DESC, silence_id", this::silence);
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
