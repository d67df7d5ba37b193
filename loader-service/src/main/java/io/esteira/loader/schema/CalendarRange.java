package io.esteira.loader.schema;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The days the generated calendar {@code dim.dim_data} covers, handed to the migrations as the Flyway
 * placeholders {@value #FROM_PLACEHOLDER} and {@value #TO_PLACEHOLDER} (set by
 * {@code esteira.dw.calendar.from|to} in the service). Dates only, so nothing but an ISO date ever
 * reaches the SQL.
 *
 * @param from first day, inclusive, not before 1900-01-01 (the start of every first SCD2 version)
 * @param to last day, inclusive, before 9999-12-31 (the open end of every current SCD2 version)
 */
public record CalendarRange(LocalDate from, LocalDate to) {

    public static final String FROM_PLACEHOLDER = "calendarFrom";
    public static final String TO_PLACEHOLDER = "calendarTo";
    public static final String FROM_PROPERTY = "esteira.dw.calendar.from";
    public static final String TO_PROPERTY = "esteira.dw.calendar.to";

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

    public static final CalendarRange DEFAULT = new CalendarRange(LocalDate.of(2015, 1, 1), LocalDate.of(2035, 12, 31));

    public CalendarRange {
        Objects.requireNonNull(from, FROM_PROPERTY);
        Objects.requireNonNull(to, TO_PROPERTY);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The calendar of dim.dim_data would start on " + from
                    + ", after its end " + to + "; set " + FROM_PROPERTY + " on or before " + TO_PROPERTY + ".");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new IllegalArgumentException("The calendar of dim.dim_data (" + from + " to " + to
                    + ") must lie between " + EARLIEST + " and " + LATEST + "; change " + FROM_PROPERTY + " or "
                    + TO_PROPERTY + ".");
        }
    }

    /** Reads the range from Flyway placeholders (names matched ignoring case, as Flyway does). */
    public static CalendarRange fromPlaceholders(Map<String, String> placeholders) {
        return new CalendarRange(
                parse(placeholder(placeholders, FROM_PLACEHOLDER), FROM_PROPERTY),
                parse(placeholder(placeholders, TO_PLACEHOLDER), TO_PROPERTY));
    }

    /** The Flyway placeholders the migrations expect. */
    public Map<String, String> placeholders() {
        return Map.of(FROM_PLACEHOLDER, from.toString(), TO_PLACEHOLDER, to.toString());
    }

    /** Days covered, the unknown day 0 not counted. */
    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    private static String placeholder(Map<String, String> placeholders, String name) {
        return placeholders.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static LocalDate parse(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    property + " is missing; set it to an ISO date such as " + DEFAULT.from() + ".");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    property + " is '" + value + "', not a date; set it to an ISO date such as " + DEFAULT.from() + ".",
                    e);
        }
    }
}
