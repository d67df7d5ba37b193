package io.esteira.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a change batch read straight from a parser's tokens (a message's, or a parsed tree's), when every
 * row is plainly valid.
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

    /**
     * The rows of a parsed tree (the general reader's path), read by the same {@link Reader} as a message's
     * tokens: the tree's own parser walks it.
     *
     * @return the rows, or null when any row needs the JSON Schema to judge it
     */
    static List<ChangeBatch.Row> readIfPlain(JsonNode rows) {
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            return null;
        }
        List<ChangeBatch.Row> read = new ArrayList<>(rows.size());
        Reader reader = new Reader();
        try (JsonParser parser = rows.traverse()) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                ChangeBatch.Row plain = reader.row(parser);
                if (plain == null) {
                    return null;
                }
                read.add(plain);
            }
            return parser.currentToken() == JsonToken.END_ARRAY ? read : null;
        } catch (IOException e) {
            // A tree's parser reads no input; were one to fail, the schema judges the rows.
            return null;
        }
    }

    /**
     * Reads the rows of one batch, one at a time, from a parser's tokens: no tree per row. Rows with the same
     * columns as the row before share their names ({@link RowData.Columns}); a name is compared with the one
     * at its position in the row before (the same String, from the parser's symbol table), so a row that
     * repeats the columns before it needs no set of names to show that it names none twice: only a row whose
     * columns differ is checked name by name (identifier, repetition), once. That lets the one-pass reader
     * ({@link ContractCodec#readPlainChangeBatch}) parse without the parser's duplicate detection, which kept
     * a map of names per object (a fifth of the loader's allocations with the tree per row;
     * docs/performance.md); the fields of a row itself are told apart by their four names.
     */
    static final class Reader {

        private RowData.Columns columns = RowData.columns();

        /** The names of the row being read, kept from row to row (only a row whose columns change copies them). */
        private String[] names = new String[0];

        /**
         * Reads the row whose {@code START_OBJECT} is the parser's current token, up to its {@code END_OBJECT}.
         *
         * @return the row, or null when the schema must judge it (the parser is then left anywhere in it)
         */
        ChangeBatch.Row row(JsonParser parser) throws IOException {
            ChangeBatch.Op kind = null;
            long key = 0;
            long version = 0;
            boolean keyRead = false;
            boolean versionRead = false;
            RowData data = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "op" -> {
                        if (kind != null || value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        kind = op(parser.getText());
                        if (kind == null) {
                            return null;
                        }
                    }
                    case "key" -> {
                        if (keyRead || !isLong(parser, value)) {
                            return null;
                        }
                        key = parser.getLongValue();
                        keyRead = true;
                    }
                    case "version" -> {
                        if (versionRead || !isLong(parser, value)) {
                            return null;
                        }
                        version = parser.getLongValue();
                        versionRead = true;
                    }
                    case "data" -> {
                        if (data != null || value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        data = data(parser);
                        if (data == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (token != JsonToken.END_OBJECT || kind == null || !keyRead || !versionRead || data == null) {
                return null;
            }
            return new ChangeBatch.Row(kind, key, version, data);
        }

        /** The values of a row's {@code data} object, whose {@code START_OBJECT} is the current token. */
        private RowData data(JsonParser parser) throws IOException {
            Object[] values = new Object[columns.size()];
            int count = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Object bound = value(parser, parser.nextToken());
                if (bound == NOT_PLAIN) {
                    return null;
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, Math.max(8, count * 2));
                }
                if (count == names.length) {
                    names = Arrays.copyOf(names, values.length);
                }
                names[count] = parser.currentName();
                values[count++] = bound;
            }
            if (count == 0) {
                // A delete's empty data: the columns of the rows around it stay shared.
                return RowData.empty();
            }
            if (!columns.are(names, count)) {
                // Other columns than the row before: checked once, name by name (identifier, repetition).
                String[] read = Arrays.copyOf(names, count);
                for (String name : read) {
                    if (!isIdentifier(name)) {
                        return null;
                    }
                }
                try {
                    columns = RowData.columns(read);
                } catch (IllegalArgumentException twice) {
                    return null;
                }
            }
            return RowData.of(columns, values.length == count ? values : Arrays.copyOf(values, count));
        }
    }

    /** What {@link #value} answers for a value the schema must judge (an object or an array). */
    private static final Object NOT_PLAIN = new Object();

    /**
     * A data value, bound as the record binding binds it: integers as Long (BigInteger beyond its range), other
     * numbers as BigDecimal with their scale.
     */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            return NOT_PLAIN; // the input ended inside the object: the general reader says where
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue()
                    : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> NOT_PLAIN;
        };
    }

    private static ChangeBatch.Op op(String op) {
        return switch (op) {
            case "upsert" -> ChangeBatch.Op.upsert;
            case "delete" -> ChangeBatch.Op.delete;
            default -> null;
        };
    }

    private static boolean isLong(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
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
