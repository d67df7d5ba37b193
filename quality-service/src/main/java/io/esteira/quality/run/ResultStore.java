package io.esteira.quality.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.QualityResult;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.EntityResult;
import io.esteira.quality.dialect.QualityDialect;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code audit.dq_result}: every run of every check, and what the API reads back; with each result, in
 * the same transaction, the judgement of each entity of a check judged per entity ({@code
 * audit.dq_result_entity}) and the alerts it raised ({@code audit.alert_outbox}, sent by {@link
 * AlertOutbox}).
 */
public class ResultStore {

    private static final int THRESHOLD_LENGTH = 100;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final QualityDialect dialect;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final TransactionTemplate transactions;

    public ResultStore(DataSource dataSource, QualityDialect dialect) {
        this.dialect = dialect;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Writes the result and its alerts in one transaction: both are stored, or neither. */
    public void save(CheckDefinition check, QualityResult result, List<AlertEvent> alerts) {
        save(check, result, List.of(), alerts);
    }

    /**
     * Writes the result, the judgement of each of its entities and its alerts in one transaction: all are
     * stored, or none.
     */
    public void save(
            CheckDefinition check, QualityResult result, List<EntityResult> entities, List<AlertEvent> alerts) {
        transactions.executeWithoutResult(status -> {
            long id = insert(check, result);
            if (!entities.isEmpty()) {
                jdbc.batchUpdate(
                        dialect.sql("result-entity-insert"),
                        entities.stream()
                                .map(entity -> new MapSqlParameterSource()
                                        .addValue("dq_result_id", id)
                                        .addValue("entity", entity.entity())
                                        .addValue("status", entity.status().name())
                                        .addValue("value", entity.value(), Types.DOUBLE)
                                        .addValue("message", entity.message()))
                                .toArray(SqlParameterSource[]::new));
            }
            outbox(alerts);
        });
    }

    /** Writes alerts that belong to no result (a check overdue) to the outbox, in one transaction. */
    public void enqueue(List<AlertEvent> alerts) {
        transactions.executeWithoutResult(status -> outbox(alerts));
    }

    private void outbox(List<AlertEvent> alerts) {
        for (AlertEvent alert : alerts) {
            jdbc.update(
                    dialect.sql("outbox-insert"),
                    Map.of(
                            "fingerprint",
                            alert.fingerprint(),
                            "event_json",
                            new String(ContractCodec.standard().write(alert), StandardCharsets.UTF_8)));
        }
    }

    /** Inserts the result and returns its generated {@code dq_result_id}. */
    private long insert(CheckDefinition check, QualityResult result) {
        Map<String, Object> row = new HashMap<>();
        row.put("check_id", result.checkId());
        row.put("kind", result.kind());
        row.put("severity", check.severity().name());
        row.put("status", result.status().name());
        row.put("value", new SqlParameterValue(Types.DOUBLE, result.value()));
        row.put("threshold", new SqlParameterValue(Types.VARCHAR, cut(result.threshold(), THRESHOLD_LENGTH)));
        row.put("sample", write(result.sample()));
        row.put("message", result.message());
        row.put("started_at", LocalDateTime.ofInstant(result.startedAt(), ZoneOffset.UTC));
        row.put("duration_ms", result.durationMs());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(dialect.sql("result-insert"), new MapSqlParameterSource(row), key, new String[] {"dq_result_id"});
        Number id = key.getKey();
        if (id == null) {
            throw new IllegalStateException("The DW returned no dq_result_id for the result of check "
                    + result.checkId() + "; audit.dq_result.dq_result_id must be an identity column.");
        }
        return id.longValue();
    }

    /** The latest result of every check that has run, by check id. */
    public Map<String, QualityResult> latest() {
        Map<String, QualityResult> latest = new LinkedHashMap<>();
        for (QualityResult result : jdbc.query(dialect.sql("result-latest"), Map.of(), mapper())) {
            latest.put(result.checkId(), result);
        }
        return latest;
    }

    /**
     * The latest stored judgement of every entity of every check judged per entity: for each (check,
     * entity), from the newest result that judged it (a run that could not run judged none).
     */
    public List<CheckAlerts.StoredEntity> latestEntities() {
        return jdbc.query(
                dialect.sql("result-entity-latest"),
                Map.of(),
                (rs, n) -> new CheckAlerts.StoredEntity(
                        rs.getString("check_id"),
                        new EntityResult(
                                rs.getString("entity"),
                                QualityResult.Status.valueOf(rs.getString("status")),
                                nullableDouble(rs, "value"),
                                rs.getString("message")),
                        rs.getString("result_message")));
    }

    /**
     * Page {@code page} (from 0) of {@code size} results of {@code checkId} started in {@code [from, to)},
     * newest first.
     */
    public List<QualityResult> history(String checkId, Instant from, Instant to, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("check_id", checkId);
        parameters.put("from_time", LocalDateTime.ofInstant(from, ZoneOffset.UTC));
        parameters.put("to_time", LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        parameters.put("skip", (long) page * size);
        parameters.put("size", size);
        return jdbc.query(dialect.sql("result-history-page"), parameters, mapper());
    }

    private RowMapper<QualityResult> mapper() {
        return (rs, n) -> new QualityResult(
                QualityResult.SCHEMA,
                rs.getString("check_id"),
                rs.getString("kind"),
                QualityResult.Status.valueOf(rs.getString("status")),
                nullableDouble(rs, "value"),
                rs.getString("threshold"),
                read(rs.getString("sample")),
                rs.getString("message") == null ? "" : rs.getString("message"),
                rs.getObject("started_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong("duration_ms"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private String write(List<String> sample) {
        try {
            return json.writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a result sample as JSON: " + e.getMessage(), e);
        }
    }

    private List<String> read(String sample) {
        if (sample == null || sample.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(sample, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of(sample);
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
