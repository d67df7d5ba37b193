package io.esteira.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes Esteira's messages ({@link ChangeBatch}, {@link AlertEvent}, {@link QualityResult}).
 *
 * <p>Reading checks, in order: the size ({@link ContractLimits#maxMessageBytes()}, before parsing);
 * well-formed JSON within the nesting-depth and string-length limits, no duplicate keys; the
 * {@code schema} field names a supported version of the expected type; the row count
 * ({@link ContractLimits#maxRowsPerBatch()}); the JSON Schema of that version
 * ({@code schemas/*.json} on the classpath); then binding to the record. Any failure is a
 * {@link ContractViolationException} naming the field at fault. A change batch whose rows are all plainly
 * valid ({@link PlainRows}) has them read straight from the tree and only its envelope checked against the
 * schema: the same outcome at a fraction of the cost of walking every value through the validators.
 *
 * <p>Row data values are read as {@code String}, {@code Long} (or {@code BigInteger} beyond its range),
 * {@code BigDecimal} (scale kept, so {@code 12.50} stays {@code 12.50}), {@code Boolean} or {@code null}. Writing gives UTF-8 JSON with
 * ISO-8601 instants and without null-valued fields (null values inside row data are kept). Writing does
 * not validate.
 *
 * <p>Thread-safe; build one per set of limits and share it ({@link #standard()} for the defaults).
 */
public final class ContractCodec {

    private static final List<Contract<?>> CONTRACTS = List.of(
            Contract.load(ChangeBatch.SCHEMA, ChangeBatch.class, "schemas/change-batch-1.json"),
            Contract.load(AlertEvent.SCHEMA, AlertEvent.class, "schemas/alert-event-1.json"),
            Contract.load(QualityResult.SCHEMA, QualityResult.class, "schemas/quality-result-1.json"));

    private static final Map<String, Contract<?>> BY_SCHEMA =
            CONTRACTS.stream().collect(Collectors.toUnmodifiableMap(Contract::schemaId, c -> c));

    private static final ContractCodec STANDARD = new ContractCodec(ContractLimits.DEFAULTS);

    private static final int SHOWN_VALUE_LENGTH = 80;

    /** Jackson's "[Source: …; line: 3, column: 11]", shortened to "line 3, column 11". */
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?line: (\\d+), column: (\\d+)\\]");

    private final ContractLimits limits;
    private final ObjectMapper mapper;
    /** A parser factory as the mapper's, without duplicate detection ({@link #readPlainChangeBatch} checks). */
    private final JsonFactory onePassFactory;
    /** Reads one value of a parser's stream as a tree, failing on a repeated name, leaving the rest of the stream. */
    private final ObjectReader onePassValueReader;

    /** A codec with {@link ContractLimits#DEFAULTS}; prefer the shared {@link #standard()}. */
    public ContractCodec() {
        this(ContractLimits.DEFAULTS);
    }

    public ContractCodec(ContractLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = newMapper(limits);
        this.onePassFactory = mapper.getFactory()
                .rebuild()
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.onePassValueReader = mapper.reader()
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** The shared codec with {@link ContractLimits#DEFAULTS}. */
    public static ContractCodec standard() {
        return STANDARD;
    }

    /** Every {@code schema} value this codec can read, e.g. {@code esteira.change-batch/1}. */
    public static List<String> supportedSchemas() {
        return CONTRACTS.stream().map(Contract::schemaId).sorted().toList();
    }

    public ContractLimits limits() {
        return limits;
    }

    /** @throws ContractViolationException when the message breaks the change-batch contract */
    public ChangeBatch readChangeBatch(byte[] json) {
        if (json != null && json.length > 0 && json.length <= limits.maxMessageBytes()) {
            ChangeBatch plain = readPlainChangeBatch(json);
            if (plain != null) {
                return plain;
            }
        }
        return read(json, ChangeBatch.class);
    }

    /**
     * A change batch read in one pass of the parser, without a tree of the whole message: the envelope's
     * fields as small trees, each row straight from its tokens ({@link PlainRows.Reader}). A 5,000-row batch
     * was held three times at once before (its bytes, the tree of the whole message, the rows read from it),
     * long enough for the collector to promote them (docs/performance.md, "Garbage collection"); a tree per
     * row and the parser's map of names per object were a fifth of the loader's allocations after that. The
     * parser here runs without duplicate detection: the envelope's names are checked here, its values' by the
     * tree reader ({@link DeserializationFeature#FAIL_ON_READING_DUP_TREE_KEY}) and the rows' by the row
     * reader. Returns null at the first thing that is not plainly valid — a row the schema must judge, too
     * many rows, malformed JSON, a repeated name, anything the envelope lacks — and the caller reads the
     * message the general way, which gives the same result or the same error as always; a message read here
     * passes the same checks (the envelope's schema, with the first row standing in for all, as {@link
     * #envelopeOf} does).
     */
    ChangeBatch readPlainChangeBatch(byte[] json) {
        try (JsonParser parser = onePassFactory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode envelope = mapper.createObjectNode();
            List<ChangeBatch.Row> rows = null;
            Set<String> fields = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!fields.add(field)) {
                    return null;
                }
                if (!"rows".equals(field)) {
                    envelope.set(field, onePassValueReader.readTree(parser));
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    return null;
                }
                rows = new ArrayList<>();
                PlainRows.Reader reader = new PlainRows.Reader();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (rows.size() == limits.maxRowsPerBatch()) {
                        return null;
                    }
                    ChangeBatch.Row read = reader.row(parser);
                    if (read == null) {
                        return null;
                    }
                    rows.add(read);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY || rows.isEmpty()) {
                    return null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || rows == null) {
                return null;
            }
            Contract<?> contract = contractOf(envelope, ChangeBatch.class);
            envelope.set("rows", mapper.createArrayNode().add(mapper.<JsonNode>valueToTree(rows.get(0))));
            checkSchema(envelope, contract);
            return withRows(bind(envelope, ChangeBatch.class), rows);
        } catch (IOException | RuntimeException e) {
            // Malformed, over a limit, or a wrong envelope: the general reader says what is wrong, as it always has.
            return null;
        }
    }

    /** @throws ContractViolationException when the message breaks the alert-event contract */
    public AlertEvent readAlertEvent(byte[] json) {
        return read(json, AlertEvent.class);
    }

    /** @throws ContractViolationException when the message breaks the quality-result contract */
    public QualityResult readQualityResult(byte[] json) {
        return read(json, QualityResult.class);
    }

    /** The message as UTF-8 JSON. */
    public byte[] write(Object message) {
        Objects.requireNonNull(message, "message");
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Could not write " + message.getClass().getSimpleName() + " as JSON (" + e.getOriginalMessage()
                            + "); pass one of the io.esteira.contracts message records.",
                    e);
        }
    }

    private <T> T read(byte[] json, Class<T> type) {
        String label = type.getSimpleName();
        if (json == null || json.length == 0) {
            throw violation(ContractViolationException.ROOT, label + " message is empty; send a JSON document.");
        }
        if (json.length > limits.maxMessageBytes()) {
            throw violation(
                    ContractViolationException.ROOT,
                    label + " message is " + json.length + " bytes, more than the " + limits.maxMessageBytes()
                            + " allowed; send smaller messages (for change batches, lower the entity's batch size).");
        }
        JsonNode document = parse(json, label);
        Contract<?> contract = contractOf(document, type);
        if (contract.type() == ChangeBatch.class) {
            checkRowCount(document);
            List<ChangeBatch.Row> rows = PlainRows.readIfPlain(document.get("rows"));
            if (rows != null) {
                return type.cast(withRows(envelopeOf(document, contract), rows));
            }
        }
        checkSchema(document, contract);
        return bind(document, type);
    }

    /**
     * A batch whose rows {@link PlainRows} read: its schema checked and bound without them (the first row
     * stands in for all, so {@code rows} still satisfies the schema), which leaves the same messages for
     * a wrong envelope.
     */
    private ChangeBatch envelopeOf(JsonNode document, Contract<?> contract) {
        ObjectNode envelope = mapper.createObjectNode();
        document.fields().forEachRemaining(field -> envelope.set(field.getKey(), field.getValue()));
        envelope.set("rows", mapper.createArrayNode().add(document.get("rows").get(0)));
        checkSchema(envelope, contract);
        return bind(envelope, ChangeBatch.class);
    }

    private static ChangeBatch withRows(ChangeBatch envelope, List<ChangeBatch.Row> rows) {
        return new ChangeBatch(
                envelope.schema(),
                envelope.batchId(),
                envelope.entity(),
                envelope.source(),
                envelope.extractedAt(),
                envelope.watermark(),
                envelope.replay(),
                rows,
                envelope.columns());
    }

    private JsonNode parse(byte[] json, String label) {
        JsonParser parser = null;
        try {
            parser = mapper.createParser(json);
            JsonNode document = mapper.readTree(parser);
            if (document == null || document.isMissingNode()) {
                throw violation(
                        ContractViolationException.ROOT, label + " message holds no JSON value; send a JSON object.");
            }
            return document;
        } catch (StreamConstraintsException e) {
            throw violation(ContractViolationException.ROOT, constraintMessage(label, e, locationOf(e, parser)), e);
        } catch (JsonProcessingException e) {
            throw violation(
                    ContractViolationException.ROOT,
                    label + " message is not valid JSON" + where(locationOf(e, parser)) + ": " + firstLine(e)
                            + "; send well-formed UTF-8 JSON.",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(parser);
        }
    }

    private static JsonLocation locationOf(JsonProcessingException e, JsonParser parser) {
        JsonLocation reported = e.getLocation();
        if ((reported != null && reported.getLineNr() > 0) || parser == null) {
            return reported;
        }
        return parser.currentLocation();
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing was written; a byte-array parser has nothing to release
            }
        }
    }

    private String constraintMessage(String label, StreamConstraintsException e, JsonLocation location) {
        String detail = firstLine(e);
        if (detail.contains("nesting depth")) {
            return label + " message nests objects or arrays deeper than " + limits.maxNestingDepth() + " levels"
                    + where(location)
                    + "; flatten it (row data values must be strings, numbers, booleans or null).";
        }
        if (detail.contains("String value length")) {
            return label + " message has a string longer than " + limits.maxStringLength() + " characters"
                    + where(location) + "; shorten the value or raise ContractLimits.maxStringLength.";
        }
        return label + " message exceeds a parsing limit" + where(location) + " (" + detail
                + "); send a smaller message.";
    }

    private static Contract<?> contractOf(JsonNode document, Class<?> expected) {
        String label = expected.getSimpleName();
        String expectedSchema = CONTRACTS.stream()
                .filter(c -> c.type() == expected)
                .map(Contract::schemaId)
                .collect(Collectors.joining(", "));
        if (!document.isObject()) {
            throw violation(
                    ContractViolationException.ROOT,
                    label + " message is " + jsonType(document)
                            + ", not an object; send a JSON object with \"schema\": \"" + expectedSchema + "\".");
        }
        JsonNode schema = document.get("schema");
        if (schema == null) {
            throw violation(
                    "schema",
                    label + " is missing required field 'schema'; add \"schema\": \"" + expectedSchema + "\".");
        }
        if (!schema.isTextual()) {
            throw violation(
                    "schema",
                    label + " field 'schema' must be a string, not " + jsonType(schema) + "; set it to \""
                            + expectedSchema + "\".");
        }
        Contract<?> contract = BY_SCHEMA.get(schema.textValue());
        if (contract == null) {
            throw violation(
                    "schema",
                    label + " field 'schema' is " + shown(schema) + ", which is not supported; use one of: "
                            + expectedSchema + " (this reader knows " + String.join(", ", supportedSchemas())
                            + ").");
        }
        if (contract.type() != expected) {
            throw violation(
                    "schema",
                    label + " field 'schema' is " + shown(schema) + " ("
                            + contract.type().getSimpleName()
                            + ") where " + expectedSchema + " (" + label
                            + ") was expected; send each message type to its own queue.");
        }
        return contract;
    }

    private void checkRowCount(JsonNode document) {
        JsonNode rows = document.get("rows");
        if (rows != null && rows.isArray() && rows.size() > limits.maxRowsPerBatch()) {
            throw violation(
                    "rows",
                    "ChangeBatch field 'rows' has " + rows.size() + " rows, more than the " + limits.maxRowsPerBatch()
                            + " allowed; split it into smaller batches (lower the entity's batch size).");
        }
    }

    private static void checkSchema(JsonNode document, Contract<?> contract) {
        Set<ValidationMessage> problems = contract.schema().validate(document);
        if (problems.isEmpty()) {
            return;
        }
        // Shallowest first: a missing top-level field explains more than a bad value deep in a row.
        ValidationMessage first = problems.stream()
                .min(Comparator.comparingInt(p -> p.getInstanceLocation().getNameCount()))
                .orElseThrow();
        String field = fieldOf(first);
        String message = describe(contract, field, first);
        if (problems.size() > 1) {
            message = message.substring(0, message.length() - 1) + " (" + (problems.size() - 1)
                    + " more problem(s) in this message).";
        }
        throw violation(field, message);
    }

    private <T> T bind(JsonNode document, Class<T> type) {
        try {
            return mapper.treeToValue(document, type);
        } catch (JsonMappingException e) {
            String field = pathOf(e.getPath());
            throw violation(
                    field,
                    type.getSimpleName() + " field '" + field + "' could not be read (" + firstLine(e)
                            + "); fix the value to match " + schemaOf(type) + ".",
                    e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw violation(
                    ContractViolationException.ROOT,
                    type.getSimpleName() + " message could not be read (" + e.getMessage() + "); fix it to match "
                            + schemaOf(type) + ".",
                    e);
        }
    }

    private static String schemaOf(Class<?> type) {
        return CONTRACTS.stream()
                .filter(c -> c.type() == type)
                .map(Contract::schemaId)
                .findFirst()
                .orElse(type.getSimpleName());
    }

    // --- schema problems as one sentence each -------------------------------------------------------

    private static String fieldOf(ValidationMessage problem) {
        String at = pathOf(problem.getInstanceLocation());
        String property = problem.getProperty();
        boolean namesChild = "required".equals(problem.getType()) || "additionalProperties".equals(problem.getType());
        if (namesChild && property != null) {
            return ContractViolationException.ROOT.equals(at) ? property : at + "." + property;
        }
        return at;
    }

    private static String describe(Contract<?> contract, String field, ValidationMessage problem) {
        String label = contract.type().getSimpleName();
        String subject = label + " field '" + field + "'";
        JsonNode value = problem.getInstanceNode();
        JsonNode rule = problem.getSchemaNode();
        String type = String.valueOf(problem.getType());
        switch (type) {
            case "required":
                return label + " is missing required field '" + field + "'; add it.";
            case "additionalProperties":
                return label + " has unknown field '" + field + "'; remove it (" + contract.schemaId()
                        + " allows only the fields its schema lists).";
            case "type":
                String expected = expectedTypes(rule);
                return subject + " must be " + expected + ", not " + jsonType(value) + "; send " + expected + ".";
            case "enum":
                return subject + " is " + shown(value) + ", which is not allowed; use one of: " + listed(rule) + ".";
            case "const":
                return subject + " is " + shown(value) + "; set it to " + rule + ".";
            case "minItems":
                if ("rows".equals(field) && contract.type() == ChangeBatch.class) {
                    return "ChangeBatch field 'rows' must have at least one row; do not send an empty batch.";
                }
                return subject + " must have at least " + rule.asInt() + " item(s); add them.";
            case "minLength":
                return subject + " must not be shorter than " + rule.asInt() + " character(s); give a value.";
            case "maxLength":
                return subject + " is longer than " + rule.asInt() + " characters; shorten it.";
            case "minimum":
                return subject + " is " + value + ", below the minimum " + rule + "; send a value of at least " + rule
                        + ".";
            case "maximum":
                return subject + " is " + value + ", above the maximum " + rule + "; send a value of at most " + rule
                        + ".";
            case "format":
                return subject + " is " + shown(value)
                        + ", not an ISO-8601 instant; send UTC time such as 2026-01-31T12:00:00Z.";
            case "pattern":
                String hint = field.endsWith("batchId")
                        ? "build it with BatchIds.of(entity, watermark, replayId)"
                        : "use a plain identifier (letters, digits, underscores)";
                return subject + " is " + shown(value) + ", which does not match " + rule.asText() + "; " + hint + ".";
            case "propertyNames":
                return subject + " has a column name that is not a plain identifier (" + stripLocation(problem)
                        + "); use the source's column names.";
            default:
                return subject + " is invalid (" + stripLocation(problem) + "); fix it to match " + contract.schemaId()
                        + ".";
        }
    }

    private static String expectedTypes(JsonNode rule) {
        JsonNode types = rule != null && rule.isObject() && rule.has("type") ? rule.get("type") : rule;
        if (types == null) {
            return "another type";
        }
        if (!types.isArray()) {
            return article(types.asText());
        }
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.asText()));
        String first = article(names.get(0));
        if (names.size() == 1) {
            return first;
        }
        String middle = names.size() > 2 ? ", " + String.join(", ", names.subList(1, names.size() - 1)) : "";
        return first + middle + " or " + names.get(names.size() - 1);
    }

    private static String article(String jsonType) {
        return switch (jsonType) {
            case "integer", "object", "array" -> "an " + jsonType;
            case "null" -> "null";
            default -> "a " + jsonType;
        };
    }

    private static String jsonType(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String listed(JsonNode rule) {
        if (rule == null || !rule.isArray()) {
            return String.valueOf(rule);
        }
        List<String> values = new ArrayList<>();
        rule.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    private static String stripLocation(ValidationMessage problem) {
        String message = problem.getMessage();
        String prefix = problem.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String pathOf(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.length() == 0 ? ContractViolationException.ROOT : out.toString();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? ContractViolationException.ROOT : out.toString();
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        String text = value.toString();
        return text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "…" : text;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return SOURCE_LOCATION.matcher(line).replaceAll("line $1, column $2");
    }

    private static ContractViolationException violation(String field, String message) {
        return new ContractViolationException(field, message);
    }

    private static ContractViolationException violation(String field, String message, Throwable cause) {
        return new ContractViolationException(field, message, cause);
    }

    private static ObjectMapper newMapper(ContractLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxDocumentLength(limits.maxMessageBytes())
                        .maxStringLength(limits.maxStringLength())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("esteira-row-data").addSerializer(RowData.class, new RowDataSerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .build();
    }

    /** One supported message version: its {@code schema} value, record type and compiled JSON Schema. */
    private record Contract<T>(String schemaId, Class<T> type, JsonSchema schema) {

        static <T> Contract<T> load(String schemaId, Class<T> type, String resource) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.LEGACY)
                    .formatAssertionsEnabled(true)
                    .build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            try (InputStream in = ContractCodec.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "JSON Schema " + resource + " is missing from the classpath; rebuild shared-contracts.");
                }
                JsonSchema schema = factory.getSchema(in, config);
                schema.initializeValidators();
                return new Contract<>(schemaId, type, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read JSON Schema " + resource, e);
            }
        }
    }
}
