package io.esteira.extractor.capture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * How a mirror entity's column of type {@code timestamptz}, {@code time} or {@code uuid} (the neutral types,
 * {@link io.esteira.contracts.mirror.ColumnType}) is read from the page and written into the batch, exactly:
 * not through {@link ResultSet#getObject(int)}, which gives a {@link java.sql.Timestamp} or {@link java.sql.Time}
 * in the JVM's time zone (an instant read as a wall-clock time, a time without its fraction of a second).
 * Chosen by the column's type name in the result's metadata, as each vendor's driver spells it.
 */
enum MirrorValue {
    /**
     * PostgreSQL {@code timestamptz}, SQL Server {@code datetimeoffset}: ISO-8601 with every digit of the
     * fraction and the offset ({@code 2026-03-01T04:30:00.123456Z}; PostgreSQL gives every instant in UTC,
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

    /** How a column of the driver's {@code typeName} is read; null for one read as the driver gives it. */
    static MirrorValue of(String typeName) {
        return switch (typeName == null ? "" : typeName.toLowerCase(Locale.ROOT)) {
            case "timestamptz", "datetimeoffset" -> INSTANT;
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
