package io.esteira.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of a change batch read straight from the parsed tree, when every row is plainly valid.
 *
 * <p>Validating a batch with its JSON Schema walks every value of every row through a chain of
 * validators, and binding it replays the tree through a parser: together most of the loader's parsing
 * time for a 5,000-row batch. This reader accepts a row only when it certainly satisfies the schema's
 * {@code row} definition ({@code schemas/change-batch-1.json}): an object of exactly {@code op}
 * ({@code upsert} or {@code delete}), {@code key} and {@code version} (integers within the range of a
 * long) and {@code data} (an object whose names are identifiers and whose values are strings, numbers,
 * booleans or null). It is stricter than the schema where that is simpler (an integer written as
 * {@code 1.0} is not plain), so it never accepts what the schema rejects; for anything it does not
 * accept it answers {@code null} and {@link ContractCodec} validates the whole message with the schema
 * as before, with the same error messages. Values are bound as the record binding binds them: integers
 * as Long (BigInteger beyond its range), other numbers as BigDecimal with their scale.
 */
final class PlainRows {

    private static final int MAX_IDENTIFIER_LENGTH = 63;

    private PlainRows() {}

    /** @return the rows, or null when any row needs the JSON Schema to judge it */
    static List<ChangeBatch.Row> readIfPlain(JsonNode rows) {
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            return null;
        }
        List<ChangeBatch.Row> read = new ArrayList<>(rows.size());
        Reader reader = new Reader();
        for (JsonNode row : rows) {
            ChangeBatch.Row plain = reader.row(row);
            if (plain == null) {
                return null;
            }
            read.add(plain);
        }
        return read;
    }

    /**
     * Reads the rows of one batch, one at a time; rows with the same columns as the row before share their
     * names ({@link RowData.Columns}).
     */
    static final class Reader {

        private RowData.Columns columns = RowData.columns();

        /** @return the row, or null when the schema must judge it */
        ChangeBatch.Row row(JsonNode row) {
            if (!row.isObject() || row.size() != 4) {
                return null;
            }
            JsonNode op = row.get("op");
            JsonNode key = row.get("key");
            JsonNode version = row.get("version");
            JsonNode data = row.get("data");
            if (op == null || !op.isTextual() || !isLong(key) || !isLong(version) || data == null || !data.isObject()) {
                return null;
            }
            ChangeBatch.Op kind;
            switch (op.textValue()) {
                case "upsert" -> kind = ChangeBatch.Op.upsert;
                case "delete" -> kind = ChangeBatch.Op.delete;
                default -> {
                    return null;
                }
            }
            String[] names = new String[data.size()];
            Object[] values = new Object[data.size()];
            int i = 0;
            for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); i++) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!isIdentifier(field.getKey())) {
                    return null;
                }
                JsonNode value = field.getValue();
                Object bound;
                if (value.isTextual()) {
                    bound = value.textValue();
                } else if (value.isIntegralNumber()) {
                    bound = value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
                } else if (value.isNumber()) {
                    bound = value.decimalValue();
                } else if (value.isBoolean()) {
                    bound = value.booleanValue();
                } else if (value.isNull()) {
                    bound = null;
                } else {
                    return null;
                }
                names[i] = field.getKey();
                values[i] = bound;
            }
            if (!columns.are(names)) {
                columns = RowData.columns(names);
            }
            return new ChangeBatch.Row(kind, key.longValue(), version.longValue(), RowData.of(columns, values));
        }
    }

    private static boolean isLong(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }

    /** {@code ^[A-Za-z_][A-Za-z0-9_]{0,62}$}, the schema's {@code identifier}. */
    static boolean isIdentifier(String name) {
        int length = name.length();
        if (length == 0 || length > MAX_IDENTIFIER_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
