package io.esteira.contracts;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The data of a {@link ChangeBatch.Row}: an immutable map of column name to value, in column order, held
 * as two arrays. The rows of one batch share their array of names.
 *
 * <p>A 5,000-row batch is the unit both the extractor and the loader hold in memory; as a {@code
 * LinkedHashMap} per row (copied once more by the row itself), a row's map structure outweighed its
 * values several times over, and the services' small young generation promoted whole batches to the old
 * one (docs/performance.md, "Garbage collection"). As a map it behaves like any other: equal to a {@code
 * LinkedHashMap} with the same entries, iterated in column order, null values kept.
 */
public final class RowData extends AbstractMap<String, Object> {

    private static final RowData EMPTY = new RowData(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;

    private RowData(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** The empty data of a delete. */
    public static RowData empty() {
        return EMPTY;
    }

    /** The column names of rows that share them, checked once: none null, none twice. */
    public static final class Columns {
        private final String[] names;

        private Columns(String[] names) {
            this.names = names;
        }

        public int size() {
            return names.length;
        }

        /**
         * Whether these are exactly the first {@code count} of {@code others}, in the same order: the same Strings
         * (as a parser's symbol table gives them) or equal ones.
         */
        public boolean are(String[] others, int count) {
            if (count != names.length) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (names[i] != others[i] && !names[i].equals(others[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The names that rows built with {@link #of(Columns, Object[])} share.
     *
     * @throws IllegalArgumentException when a name is null or repeats
     */
    public static Columns columns(String... names) {
        String[] copy = names.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new IllegalArgumentException("Row data has a column without a name (position " + (i + 1) + ")");
            }
            for (int j = 0; j < i; j++) {
                if (copy[j].equals(copy[i])) {
                    throw new IllegalArgumentException("Row data names column " + copy[i] + " twice");
                }
            }
        }
        return new Columns(copy);
    }

    /**
     * Data of {@code columns} with {@code values}, which become the row's own: Integer, Short and Byte
     * values are widened to Long in place, so that a row equals itself after a JSON round trip.
     *
     * @throws IllegalArgumentException when there are not as many values as columns
     */
    public static RowData of(Columns columns, Object[] values) {
        if (columns.names.length != values.length) {
            throw new IllegalArgumentException(
                    "Row data has " + columns.names.length + " columns but " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = widened(values[i]);
        }
        return new RowData(columns.names, values);
    }

    /** The data of any map, in its iteration order; a RowData is returned as it is. */
    public static RowData copyOf(Map<String, ?> data) {
        if (data instanceof RowData same) {
            return same;
        }
        if (data.isEmpty()) {
            return EMPTY;
        }
        String[] names = new String[data.size()];
        Object[] values = new Object[data.size()];
        int i = 0;
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            names[i] = Objects.requireNonNull(entry.getKey(), "column name");
            values[i] = widened(entry.getValue());
            i++;
        }
        // A map's keys are distinct already.
        return new RowData(names, values);
    }

    /** The name of the column at {@code position} (0-based), for {@link RowDataSerializer}. */
    String nameAt(int position) {
        return names[position];
    }

    /** The value of the column at {@code position} (0-based), for {@link RowDataSerializer}. */
    Object valueAt(int position) {
        return values[position];
    }

    private static Object widened(Object value) {
        return value instanceof Integer || value instanceof Short || value instanceof Byte
                ? Long.valueOf(((Number) value).longValue())
                : value;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < names.length; i++) {
            // Names are mostly the same String instances (a page's labels, Jackson's canonical names).
            if (names[i] == key || names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }
        };
    }
}
