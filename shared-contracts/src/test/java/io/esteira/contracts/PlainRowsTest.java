package io.esteira.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainRowsTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void shouldBindPlainRowsAsTheRecordBindingDoes() throws Exception {
        JsonNode rows = JSON.readTree("[{\"op\":\"upsert\",\"key\":7,\"version\":9223372036854775807,\"data\":{"
                + "\"order_id\":7,\"total\":12.50,\"big\":123456789012345678901234567890,\"gift\":false,"
                + "\"discount_id\":null,\"status\":\"paid\",\"rate\":1e-3}},"
                + "{\"op\":\"delete\",\"key\":-3,\"version\":4,\"data\":{}}]");

        List<ChangeBatch.Row> read = PlainRows.readIfPlain(rows);

        assertThat(read).hasSize(2);
        assertThat(read.get(0).op()).isEqualTo(ChangeBatch.Op.upsert);
        assertThat(read.get(0).version()).isEqualTo(Long.MAX_VALUE);
        assertThat(read.get(0).data())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("order_id", 7L),
                        org.assertj.core.api.Assertions.entry("total", new BigDecimal("12.50")),
                        org.assertj.core.api.Assertions.entry("big", new BigInteger("123456789012345678901234567890")),
                        org.assertj.core.api.Assertions.entry("gift", false),
                        org.assertj.core.api.Assertions.entry("discount_id", null),
                        org.assertj.core.api.Assertions.entry("status", "paid"),
                        org.assertj.core.api.Assertions.entry("rate", new BigDecimal("1e-3")));
        assertThat(read.get(1)).isEqualTo(new ChangeBatch.Row(ChangeBatch.Op.delete, -3, 4, null));
    }

    /**
     * The safety property: every row the JSON Schema rejects is left to the schema (null), so a batch
     * holding it gets the schema's refusal, never a silent acceptance.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"op\":\"merge\",\"key\":1,\"version\":1,\"data\":{}}",
                "{\"op\":\"UPSERT\",\"key\":1,\"version\":1,\"data\":{}}",
                "{\"op\":1,\"key\":1,\"version\":1,\"data\":{}}",
                "{\"key\":1,\"version\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"version\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{},\"extra\":1}",
                "{\"op\":\"upsert\",\"key\":\"1\",\"version\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":1.5,\"version\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":9223372036854775808,\"version\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":-9223372036854775809,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":null,\"version\":1,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":[]}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":null}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"a\":{\"b\":1}}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"a\":[1]}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"1a\":1}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"a-b\":1}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"\":1}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"é\":1}}",
                "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{"
                        + "\"a234567890123456789012345678901234567890123456789012345678901234\":1}}",
                "[1]",
                "\"row\""
            })
    void shouldLeaveEveryRowTheSchemaRejectsToTheSchema(String row) throws Exception {
        ArrayNode rows = (ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{}}]");
        rows.add(JSON.readTree(row));

        assertThat(PlainRows.readIfPlain(rows)).isNull();
        assertThatThrownBy(() -> codec.readChangeBatch(batchWith(rows)))
                .isInstanceOf(ContractViolationException.class)
                .satisfies(e ->
                        assertThat(((ContractViolationException) e).field()).startsWith("rows[1]"));
    }

    @Test
    void shouldAcceptIdentifiersUpToTheSchemasLength() {
        assertThat(PlainRows.isIdentifier("_")).isTrue();
        assertThat(PlainRows.isIdentifier("order_item_id2")).isTrue();
        assertThat(PlainRows.isIdentifier("a".repeat(63))).isTrue();
        assertThat(PlainRows.isIdentifier("a".repeat(64))).isFalse();
        assertThat(PlainRows.isIdentifier("9lives")).isFalse();
    }

    @Test
    void shouldCheckTheEnvelopeOfAPlainBatchWithTheSchema() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(codec.write(Messages.changeBatch()));
        document.put("batchId", "not-made-by-BatchIds");

        assertThatThrownBy(() -> codec.readChangeBatch(JSON.writeValueAsBytes(document)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("batchId")
                .hasMessageContaining("BatchIds.of");
    }

    @Test
    void shouldReadAPlainBatchInOnePassAsTheGeneralReaderDoes() throws Exception {
        ArrayNode rows = (ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":7,\"version\":3,\"data\":{"
                + "\"order_id\":7,\"total\":12.50,\"status\":\"paid\",\"discount_id\":null}},"
                + "{\"op\":\"delete\",\"key\":8,\"version\":4,\"data\":{}}]");
        byte[] message = batchWith(rows);

        ChangeBatch onePass = codec.readPlainChangeBatch(message);

        assertThat(onePass).isNotNull().isEqualTo(codec.readChangeBatch(message));
        assertThat(onePass.rows()).hasSize(2);
        assertThat(onePass.rows().get(0).data()).containsEntry("total", new BigDecimal("12.50"));
        assertThat(onePass.watermark()).isEqualTo(Messages.changeBatch().watermark());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"op\":\"merge\",\"key\":1,\"version\":1,\"data\":{}}",
                "null",
                "[1]",
            })
    void shouldLeaveABatchWithARowThatIsNotPlainToTheGeneralReader(String row) throws Exception {
        ArrayNode rows = (ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{}}]");
        rows.add(JSON.readTree(row));

        assertThat(codec.readPlainChangeBatch(batchWith(rows))).isNull();
    }

    @Test
    void shouldLeaveMalformedOrOversizedBatchesToTheGeneralReader() throws Exception {
        byte[] message =
                batchWith((ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{}}]"));
        String text = new String(message, StandardCharsets.UTF_8);
        ContractCodec oneRowAllowed = new ContractCodec(new ContractLimits(
                ContractLimits.DEFAULTS.maxMessageBytes(),
                1,
                ContractLimits.DEFAULTS.maxNestingDepth(),
                ContractLimits.DEFAULTS.maxStringLength()));
        byte[] twoRows = batchWith((ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{}},"
                + "{\"op\":\"upsert\",\"key\":2,\"version\":2,\"data\":{}}]"));

        assertThat(codec.readPlainChangeBatch(
                        text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(codec.readPlainChangeBatch((text + " {}").getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(codec.readPlainChangeBatch(
                        text.replace("{\"schema\"", "{\"schema\":1,\"schema\"").getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(oneRowAllowed.readPlainChangeBatch(twoRows)).isNull();
        assertThatThrownBy(() -> oneRowAllowed.readChangeBatch(twoRows))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("more than the 1 allowed");
    }

    @Test
    void shouldReadRowsWhoseColumnsChangeFromRowToRowAsTheGeneralReaderDoes() throws Exception {
        ArrayNode rows = (ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{"
                + "\"a\":1,\"b\":\"x\",\"c\":null}},"
                + "{\"version\":2,\"data\":{\"a\":2,\"b\":\"y\",\"c\":true},\"key\":2,\"op\":\"upsert\"},"
                + "{\"op\":\"upsert\",\"key\":3,\"version\":3,\"data\":{\"a\":3,\"b\":\"z\"}},"
                + "{\"op\":\"upsert\",\"key\":4,\"version\":4,\"data\":{\"a\":4,\"b\":\"w\",\"c\":1.50,\"d\":5}},"
                + "{\"op\":\"upsert\",\"key\":5,\"version\":5,\"data\":{\"b\":\"v\",\"a\":5}},"
                + "{\"op\":\"delete\",\"key\":6,\"version\":6,\"data\":{}}]");
        byte[] message = batchWith(rows);

        ChangeBatch onePass = codec.readPlainChangeBatch(message);

        assertThat(onePass).isNotNull().isEqualTo(codec.readChangeBatch(message));
        assertThat(onePass.rows())
                .extracting(row -> List.copyOf(row.data().keySet()))
                .containsExactly(
                        List.of("a", "b", "c"),
                        List.of("a", "b", "c"),
                        List.of("a", "b"),
                        List.of("a", "b", "c", "d"),
                        List.of("b", "a"),
                        List.of());
        assertThat(onePass.rows().get(3).data()).containsEntry("c", new BigDecimal("1.50"));
        assertThat(onePass.rows().get(5).data()).isSameAs(RowData.empty());
        assertThat(onePass.rows().get(1).key()).isEqualTo(2);
    }

    /**
     * The one-pass reader parses without the parser's duplicate detection: a name repeated anywhere must still
     * send the batch to the general reader, whose parser refuses it.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"op\":\"upsert\",\"key\":2,\"version\":2,\"data\":{\"a\":1,\"a\":2}}",
                "{\"op\":\"upsert\",\"key\":2,\"version\":2,\"data\":{\"a\":1,\"b\":2,\"b\":3}}",
                "{\"op\":\"upsert\",\"key\":2,\"version\":2,\"data\":{\"b\":1,\"a\":2,\"b\":3}}",
                "{\"op\":\"upsert\",\"op\":\"delete\",\"key\":2,\"version\":2,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":2,\"key\":3,\"version\":2,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":2,\"version\":2,\"version\":3,\"data\":{}}",
                "{\"op\":\"upsert\",\"key\":2,\"version\":2,\"data\":{},\"data\":{}}",
            })
    void shouldLeaveABatchThatRepeatsANameToTheGeneralReaderWhichRefusesIt(String row) {
        String first = "{\"op\":\"upsert\",\"key\":1,\"version\":1,\"data\":{\"a\":1,\"b\":2}}";
        for (String rows : List.of("[" + first + "," + row + "]", "[" + row + "," + first + "]")) {
            byte[] message = batchWith(rows);

            assertThat(codec.readPlainChangeBatch(message)).as(rows).isNull();
            assertThatThrownBy(() -> codec.readChangeBatch(message))
                    .as(rows)
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("Duplicate field");
        }
    }

    @Test
    void shouldLeaveARepeatedNameInTheEnvelopeToTheGeneralReader() throws Exception {
        String text = new String(codec.write(Messages.changeBatch()), StandardCharsets.UTF_8);
        byte[] repeatedInside =
                text.replace("\"source\":{", "\"source\":{\"system\":\"x\",").getBytes(StandardCharsets.UTF_8);
        byte[] repeatedRows =
                text.replace("\"rows\":[", "\"rows\":[],\"rows\":[").getBytes(StandardCharsets.UTF_8);

        assertThat(text).contains("\"source\":{\"system\":");
        for (byte[] message : List.of(repeatedInside, repeatedRows)) {
            assertThat(codec.readPlainChangeBatch(message)).isNull();
            assertThatThrownBy(() -> codec.readChangeBatch(message))
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("Duplicate field");
        }
    }

    @Test
    void shouldKeepTheParsingLimitsInTheOnePassReader() throws Exception {
        ContractCodec shortStrings = new ContractCodec(new ContractLimits(
                ContractLimits.DEFAULTS.maxMessageBytes(),
                ContractLimits.DEFAULTS.maxRowsPerBatch(),
                ContractLimits.DEFAULTS.maxNestingDepth(),
                1_000));
        byte[] message = batchWith((ArrayNode) JSON.readTree("[{\"op\":\"upsert\",\"key\":1,\"version\":1,"
                + "\"data\":{\"note\":\"" + "x".repeat(1_001) + "\"}}]"));

        assertThat(shortStrings.readPlainChangeBatch(message)).isNull();
        assertThatThrownBy(() -> shortStrings.readChangeBatch(message))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("longer than 1000 characters");
    }

    private byte[] batchWith(String rows) {
        String document = new String(codec.write(Messages.changeBatch()), StandardCharsets.UTF_8);
        int start = document.indexOf("\"rows\":[");
        int end = document.indexOf("]", document.indexOf("\"op\":\"delete\"", start));
        return (document.substring(0, start) + "\"rows\":" + rows + document.substring(end + 1))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] batchWith(ArrayNode rows) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(codec.write(Messages.changeBatch()));
        document.set("rows", rows);
        return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }
}
