package io.esteira.extractor.capture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * How a page's column of a date or time type, or a uuid, is read and written into the batch, exactly: not
 * through {@link ResultSet#getObject(int)}, which gives a {@link java.sql.Timestamp}, {@link java.sql.Date} or
 * {@link java.sql.Time} through the JVM's time zone. That shifts a wall-clock time the zone skips (in New York,
 * {@code 2026-03-08 02:30} became {@code 03:30}), reads an instant as the JVM's wall-clock time, and drops a
 * time's fraction of a second; it is also the costliest part of reading a page (a calendar per value). Chosen
 * by the column's type name in the result's metadata, as each vendor's driver spells it; a column of any other
 * type is read as the driver gives it ({@link ChangeCapture#jsonValue}).
 */
enum ColumnValue {
    /**
     * PostgreSQL {@code timestamp}, SQL Server {@code datetime2}, {@code datetime} and {@code smalldatetime}: the
     * wall-clock time as stored, ISO-8601 ({@link LocalDateTime#toString()}: {@code 2026-03-08T02:30}, {@code
     * 2026-03-08T02:30:15.5}), whatever the JVM's time zone.
     */
    WALL_CLOCK {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toString();
        }
    },
    /** {@code date} on either vendor: ISO-8601 ({@code 2026-03-08}), whatever the JVM's time zone. */
    DATE {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            LocalDate value = rs.getObject(column, LocalDate.class);
            return value == null ? null : value.toString();
        }
    },
    /**
     * An instant ({@code timestamptz}, {@code datetimeoffset}) of an entity that feeds the star, whose
     * dimensions and facts hold wall-clock times: its UTC wall-clock time, written as {@link #WALL_CLOCK} writes
     * one, whatever the JVM's time zone (docs/data-contract.md: timestamps travel as UTC).
     */
    INSTANT_AS_UTC {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null
                    ? null
                    : value.withOffsetSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime()
                            .toString();
        }
    },
    /**
     * An instant of a mirror entity, whose mirror table keeps it as an instant: PostgreSQL {@code timestamptz},
     * SQL Server {@code datetimeoffset}, ISO-8601 with every digit of the fraction and the offset ({@code 2026-03-01T04:30:00.123456Z}; PostgreSQL gives every instant in UTC,
     * SQL Server keeps the offset stored with it), so the warehouse parses the same instant.
     */
    INSTANT {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : instant(value);
        }
    },
    /**
     * {@code time} on either vendor: ISO-8601 local time with every digit of the fraction ({@code
     * 10:15:30.1234567}). PostgreSQL's {@code 24:00:00} is read as {@code 23:59:59.999999999}, which a
     * PostgreSQL warehouse rounds back to {@code 24:00:00}.
     */
    TIME {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            LocalTime value = rs.getObject(column, LocalTime.class);
            return value == null ? null : time(value);
        }
    },
    /**
     * PostgreSQL {@code uuid}, SQL Server {@code uniqueidentifier} (which the driver reads in capitals): the
     * canonical lower-case text, so both vendors' batches carry the same value for the same uuid.
     */
    UUID_TEXT {
        @Override
        Object read(ResultSet rs, int column) throws SQLException {
            String value = rs.getString(column);
            return value == null ? null : uuid(value);
        }
    };

    /** The value of the page's column, as the batch carries it. */
    abstract Object read(ResultSet rs, int column) throws SQLException;

    /**
     * How a column of the driver's {@code typeName} is read; null for one read as the driver gives it.
     *
     * @param mirror whether the page is a mirror entity's, which keeps instants as instants
     */
    static ColumnValue of(String typeName, boolean mirror) {
        return switch (typeName == null ? "" : typeName.toLowerCase(Locale.ROOT)) {
            case "timestamp", "datetime2", "datetime", "smalldatetime" -> WALL_CLOCK;
            case "date" -> DATE;
            case "timestamptz", "datetimeoffset" -> mirror ? INSTANT : INSTANT_AS_UTC;
            case "time" -> TIME;
            case "uuid", "uniqueidentifier" -> UUID_TEXT;
            default -> null;
        };
    }

    static String instant(OffsetDateTime value) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }

    static String time(LocalTime value) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(value);
    }

    static String uuid(String value) {
        return UUID.fromString(value).toString();
    }
}
