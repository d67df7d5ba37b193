package io.esteira.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ContractCodecTest {

    private final ContractCodec codec = ContractCodec.standard();
    private final ObjectMapper plain = new ObjectMapper();

    // --- round trips -------------------------------------------------------------------------------

    /**
     * Row data is written by its own serializer (RowDataSerializer), not Jackson's map serializer: the bytes must
     * be the same as for a map with the same entries, for every kind of value a batch carries and for others.
     */
    @Test
    void shouldWriteRowDataExactlyAsAMapWithTheSameEntries() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("id", 42L);
        map.put("name", "Zé \"quoted\" \\ \n");
        map.put("none", null);
        map.put("price", new BigDecimal("12.50"));
        map.put("large", new BigDecimal("1E+3"));
        map.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        map.put("gift", true);
        map.put("ratio", 0.25d);
        map.put("day", java.time.LocalDate.of(2026, 3, 8));
        RowData data = RowData.copyOf(map);

        assertThat(new String(codec.write(java.util.Map.of("data", data)), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.write(java.util.Map.of("data", map)), StandardCharsets.UTF_8))
                .contains("\"none\":null", "\"large\":1000", "\"price\":12.50", "\"day\":\"2026-03-08\"");
        assertThat(new String(codec.write(java.util.Map.of("data", RowData.empty())), StandardCharsets.UTF_8))
                .isEqualTo("{\"data\":{}}");
    }

    @Test
    void shouldRoundTripChangeBatch() {
        ChangeBatch batch = Messages.changeBatch();

        ChangeBatch read = codec.readChangeBatch(codec.write(batch));

        assertThat(read).isEqualTo(batch);
        assertThat(read.rows().get(0).data())
                .containsEntry("order_id", 42L)
                .containsEntry("total", new BigDecimal("12.50"))
                .containsEntry("discount_id", null)
                .containsEntry("is_gift", true);
        assertThat(read.isReplay()).isFalse();
    }

    @Test
    void shouldKeepIntegersBeyondLongRangeInRowData() {
        byte[] json = changeBatchWith(doc -> ((ObjectNode) row(doc, 0).get("data"))
                .put("big", new java.math.BigInteger("123456789012345678901234567890")));

        assertThat(codec.readChangeBatch(json).rows().get(0).data())
                .containsEntry("big", new java.math.BigInteger("123456789012345678901234567890"))
                .containsEntry("order_id", 42L);
    }

    @Test
    void shouldRoundTripReplayBatch() {
        ChangeBatch live = Messages.changeBatch();
        ChangeBatch replay = new ChangeBatch(
                null,
                BatchIds.of(live.entity(), live.watermark(), "replay-7"),
                live.entity(),
                live.source(),
                live.extractedAt(),
                live.watermark(),
                "replay-7",
                live.rows());

        ChangeBatch read = codec.readChangeBatch(codec.write(replay));

        assertThat(read).isEqualTo(replay);
        assertThat(read.schema()).isEqualTo(ChangeBatch.SCHEMA);
        assertThat(read.isReplay()).isTrue();
    }

    @Test
    void shouldRoundTripTheColumnTypesOfAMirrorBatchAndRefuseATypeOutsideTheVocabulary() {
        ChangeBatch live = Messages.changeBatch();
        ChangeBatch mirror = new ChangeBatch(
                null,
                live.batchId(),
                live.entity(),
                live.source(),
                live.extractedAt(),
                live.watermark(),
                null,
                live.rows(),
                List.of(
                        new ChangeBatch.Column("order_id", "bigint"),
                        new ChangeBatch.Column("total", "decimal(12,2)"),
                        new ChangeBatch.Column("paid_at", "timestamptz"),
                        new ChangeBatch.Column("opens_at", "time"),
                        new ChangeBatch.Column("device_id", "uuid")));

        assertThat(codec.readChangeBatch(codec.write(mirror))).isEqualTo(mirror);
        assertThat(codec.readChangeBatch(codec.write(live)).columns()).isNull();
        byte[] jsonb = changeBatchWith(doc ->
                doc.putArray("columns").addObject().put("name", "payload").put("type", "jsonb"));
        assertThatThrownBy(() -> codec.readChangeBatch(jsonb)).isInstanceOf(ContractViolationException.class);
    }

    @Test
    void shouldRoundTripAlertEvent() {
        AlertEvent event = Messages.alertEvent();

        assertThat(codec.readAlertEvent(codec.write(event))).isEqualTo(event);
    }

    @Test
    void shouldRoundTripAlertEventWithoutEntityOrMaps() {
        AlertEvent event = new AlertEvent(
                null,
                "evt-2",
                "alerting-service",
                AlertEvent.Kind.DLQ,
                AlertEvent.Severity.warning,
                null,
                "A message reached DLQ.dw.changes.orders",
                null,
                "dlq:dw.changes.orders",
                AlertEvent.Status.resolved,
                Instant.parse("2026-01-31T12:06:00Z"),
                null);

        assertThat(codec.readAlertEvent(codec.write(event))).isEqualTo(event);
    }

    @Test
    void shouldRoundTripQualityResult() {
        QualityResult result = Messages.qualityResult();

        assertThat(codec.readQualityResult(codec.write(result))).isEqualTo(result);
    }

    @Test
    void shouldRoundTripQualityResultOfCheckThatCouldNotRun() {
        QualityResult error = new QualityResult(
                null,
                "freshness-orders",
                "freshness",
                QualityResult.Status.error,
                null,
                null,
                null,
                "The check could not query the warehouse",
                Instant.parse("2026-01-31T12:10:00Z"),
                0);

        assertThat(codec.readQualityResult(codec.write(error))).isEqualTo(error);
    }

    @Test
    void shouldWriteIsoInstantsKebabKindsAndNoNullFields() throws Exception {
        JsonNode batch = plain.readTree(codec.write(Messages.changeBatch()));
        JsonNode alert = plain.readTree(codec.write(Messages.alertEvent()));

        assertThat(batch.get("extractedAt").asText()).isEqualTo("2026-01-31T12:00:00.123Z");
        assertThat(batch.has("replay")).isFalse();
        assertThat(batch.has("isReplay")).isFalse();
        assertThat(batch.at("/rows/0/op").asText()).isEqualTo("upsert");
        assertThat(batch.at("/rows/0/data/total").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(batch.at("/rows/0/data").has("discount_id")).isTrue();
        assertThat(alert.get("kind").asText()).isEqualTo("pipeline-failure");
    }

    @Test
    void shouldAcceptInstantWithOffset() {
        byte[] json = changeBatchWith(doc -> doc.put("extractedAt", "2026-01-31T14:00:00.123+02:00"));

        assertThat(codec.readChangeBatch(json).extractedAt()).isEqualTo(Messages.EXTRACTED_AT);
    }

    // --- malformed and oversized input -------------------------------------------------------------

    @Test
    void shouldRejectMalformedJsonSayingWhere() {
        byte[] json = "{\n  \"schema\": \"esteira.change-batch/1\",\n  \"rows\": [ }".getBytes(StandardCharsets.UTF_8);

        assertViolation(() -> codec.readChangeBatch(json), "$", "not valid JSON at line 3, column");
    }

    @Test
    void shouldRejectDuplicateKeys() {
        byte[] json = "{\"schema\":\"esteira.change-batch/1\",\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertViolation(() -> codec.readChangeBatch(json), "$", "Duplicate field 'schema'");
    }

    @Test
    void shouldRejectEmptyMessage() {
        assertViolation(() -> codec.readAlertEvent(new byte[0]), "$", "AlertEvent message is empty");
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertViolation(
                () -> codec.readQualityResult("[1,2]".getBytes(StandardCharsets.UTF_8)),
                "$",
                "QualityResult message is an array, not an object");
    }

    @Test
    void shouldRejectTooDeepNestingBeforeBuildingTheTree() {
        String deep = "[".repeat(40) + "]".repeat(40);
        byte[] json =
                ("{\"schema\":\"esteira.change-batch/1\",\"rows\":" + deep + "}").getBytes(StandardCharsets.UTF_8);

        assertViolation(() -> codec.readChangeBatch(json), "$", "deeper than 32 levels at line 1");
    }

    @Test
    void shouldRejectMessageLargerThanLimitBeforeParsing() {
        ContractCodec small = new ContractCodec(ContractLimits.DEFAULTS.withMaxMessageBytes(64));
        byte[] notEvenJson = "x".repeat(65).getBytes(StandardCharsets.UTF_8);

        assertViolation(() -> small.readChangeBatch(notEvenJson), "$", "65 bytes, more than the 64 allowed");
    }

    @Test
    void shouldRejectBatchWithMoreRowsThanLimit() {
        ContractCodec small = new ContractCodec(ContractLimits.DEFAULTS.withMaxRowsPerBatch(1));

        assertViolation(
                () -> small.readChangeBatch(codec.write(Messages.changeBatch())),
                "rows",
                "'rows' has 2 rows, more than the 1 allowed");
    }

    @Test
    void shouldRejectStringLongerThanLimit() {
        ContractCodec small = new ContractCodec(ContractLimits.DEFAULTS.withMaxStringLength(10));

        assertViolation(
                () -> small.readQualityResult(codec.write(Messages.qualityResult())),
                "$",
                "string longer than 10 characters");
    }

    // --- schema versions ---------------------------------------------------------------------------

    @Test
    void shouldRejectMissingSchemaField() {
        byte[] json = changeBatchWith(doc -> doc.remove("schema"));

        assertViolation(() -> codec.readChangeBatch(json), "schema", "add \"schema\": \"esteira.change-batch/1\"");
    }

    @Test
    void shouldRejectUnknownSchemaVersionListingSupportedOnes() {
        byte[] json = changeBatchWith(doc -> doc.put("schema", "esteira.change-batch/2"));

        assertViolation(
                () -> codec.readChangeBatch(json),
                "schema",
                "\"esteira.change-batch/2\", which is not supported; use one of: esteira.change-batch/1");
    }

    @Test
    void shouldRejectAnotherMessageTypeOnTheWrongReader() {
        byte[] alert = codec.write(Messages.alertEvent());

        assertViolation(
                () -> codec.readChangeBatch(alert),
                "schema",
                "\"esteira.alert-event/1\" (AlertEvent) where esteira.change-batch/1 (ChangeBatch) was expected");
    }

    // --- schema violations -------------------------------------------------------------------------

    @Test
    void shouldRejectEmptyBatch() {
        byte[] json = changeBatchWith(doc -> doc.putArray("rows"));

        assertViolation(() -> codec.readChangeBatch(json), "rows", "must have at least one row");
    }

    @Test
    void shouldRejectMissingFieldNamingItsPath() {
        byte[] json = changeBatchWith(doc -> row(doc, 1).remove("version"));

        assertViolation(() -> codec.readChangeBatch(json), "rows[1].version", "missing required field");
    }

    @Test
    void shouldRejectMistypedFieldNamingItsPath() {
        byte[] json = changeBatchWith(doc -> row(doc, 0).put("version", "250"));

        assertViolation(() -> codec.readChangeBatch(json), "rows[0].version", "must be an integer, not a string");
    }

    @Test
    void shouldRejectMistypedWatermark() {
        byte[] json = changeBatchWith(doc -> ((ObjectNode) doc.get("watermark")).put("to", 250));

        assertViolation(() -> codec.readChangeBatch(json), "watermark.to", "must be an object, not an integer");
    }

    @Test
    void shouldRejectNestedObjectInRowData() {
        byte[] json = changeBatchWith(doc ->
                ((ObjectNode) row(doc, 0).get("data")).putObject("address").put("city", "Recife"));

        assertViolation(
                () -> codec.readChangeBatch(json),
                "rows[0].data.address",
                "must be a string, number, boolean or null, not an object");
    }

    @Test
    void shouldRejectUnknownField() {
        byte[] json = changeBatchWith(doc -> doc.put("priority", 1));

        assertViolation(() -> codec.readChangeBatch(json), "priority", "unknown field 'priority'; remove it");
    }

    @Test
    void shouldRejectUnknownOp() {
        byte[] json = changeBatchWith(doc -> row(doc, 0).put("op", "merge"));

        assertViolation(() -> codec.readChangeBatch(json), "rows[0].op", "use one of: upsert, delete");
    }

    @Test
    void shouldRejectBatchIdNotMadeByBatchIds() {
        byte[] json = changeBatchWith(doc -> doc.put("batchId", "batch-1"));

        assertViolation(() -> codec.readChangeBatch(json), "batchId", "BatchIds.of");
    }

    @Test
    void shouldRejectInstantThatIsNotIso() {
        byte[] json = changeBatchWith(doc -> doc.put("extractedAt", "31/01/2026 12:00"));

        assertViolation(() -> codec.readChangeBatch(json), "extractedAt", "not an ISO-8601 instant");
    }

    @Test
    void shouldRejectUnknownAlertKind() {
        byte[] json = with(codec.write(Messages.alertEvent()), doc -> doc.put("kind", "PIPELINE_FAILURE"));

        assertViolation(
                () -> codec.readAlertEvent(json), "kind", "use one of: pipeline-failure, dlq, quality, sla, delivery");
    }

    @Test
    void shouldRejectNegativeQualityDuration() {
        byte[] json = with(codec.write(Messages.qualityResult()), doc -> doc.put("durationMs", -1));

        assertViolation(() -> codec.readQualityResult(json), "durationMs", "below the minimum 0");
    }

    @Test
    void shouldRejectKeyOutsideLongRange() {
        byte[] json = changeBatchWith(doc -> row(doc, 0).put("key", new java.math.BigInteger("99999999999999999999")));

        assertViolation(() -> codec.readChangeBatch(json), "rows[0].key", "above the maximum 9223372036854775807");
    }

    @Test
    void shouldRejectRowDataColumnThatIsNotAnIdentifier() {
        byte[] json = changeBatchWith(doc -> ((ObjectNode) row(doc, 0).get("data")).put("status; --", "x"));

        assertViolation(() -> codec.readChangeBatch(json), "rows[0].data", "not a plain identifier");
    }

    @Test
    void shouldCountFurtherProblemsInTheMessage() {
        byte[] json = changeBatchWith(doc -> {
            doc.remove("entity");
            row(doc, 1).put("key", "seven");
        });

        assertViolation(() -> codec.readChangeBatch(json), "entity", "(1 more problem(s) in this message).");
    }

    @Test
    void shouldReadBatchOfExactlyTheMaximumRows() {
        ChangeBatch template = Messages.changeBatch();
        java.util.List<ChangeBatch.Row> rows = java.util.stream.LongStream.rangeClosed(
                        1, ContractLimits.MAX_ROWS_PER_BATCH)
                .mapToObj(key -> new ChangeBatch.Row(
                        ChangeBatch.Op.upsert,
                        key,
                        1000 + key,
                        template.rows().get(0).data()))
                .toList();
        ChangeBatch full = new ChangeBatch(
                null,
                template.batchId(),
                template.entity(),
                template.source(),
                template.extractedAt(),
                template.watermark(),
                null,
                rows);

        assertThat(codec.readChangeBatch(codec.write(full)).rows()).hasSize(ContractLimits.MAX_ROWS_PER_BATCH);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static void assertViolation(Runnable read, String field, String messagePart) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ContractViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
            if (!"$".equals(field)) {
                assertThat(e.getMessage()).contains("'" + field + "'");
            }
        });
    }

    private byte[] changeBatchWith(Consumer<ObjectNode> change) {
        return with(codec.write(Messages.changeBatch()), change);
    }

    private byte[] with(byte[] json, Consumer<ObjectNode> change) {
        try {
            ObjectNode doc = (ObjectNode) plain.readTree(json);
            change.accept(doc);
            return plain.writeValueAsBytes(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode row(ObjectNode doc, int index) {
        return (ObjectNode) ((ArrayNode) doc.get("rows")).get(index);
    }
}
