package io.esteira.quality.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

/** Column types compared across vendors, as the schema-drift check compares an OLTP with the DW mirror. */
class ColumnShapeTest {

    @Test
    void shouldTreatSqlServerAndPostgresqlTextsOfOneLengthAlike() {
        ColumnShape sqlServer = ColumnShape.of(Types.NVARCHAR, "nvarchar", 20, 0, false);
        ColumnShape postgres = ColumnShape.of(Types.VARCHAR, "varchar", 20, 0, true);

        assertThat(sqlServer.fitsInto(postgres)).isTrue();
        assertThat(sqlServer.sameType(postgres)).isTrue();
        assertThat(sqlServer.type()).isEqualTo("text(20)");
    }

    @Test
    void shouldSayALongerTextOrAWiderDecimalDoesNotFit() {
        assertThat(ColumnShape.of(Types.VARCHAR, "varchar", 40, 0, true)
                        .fitsInto(ColumnShape.of(Types.VARCHAR, "varchar", 20, 0, true)))
                .isFalse();
        assertThat(ColumnShape.of(Types.NUMERIC, "numeric", 14, 2, true)
                        .fitsInto(ColumnShape.of(Types.NUMERIC, "numeric", 12, 2, true)))
                .isFalse();
        assertThat(ColumnShape.of(Types.NUMERIC, "numeric", 10, 2, true)
                        .fitsInto(ColumnShape.of(Types.DECIMAL, "decimal", 12, 2, true)))
                .isTrue();
    }

    @Test
    void shouldLetAnythingFitAnUnboundedTextButNotTheReverse() {
        ColumnShape unbounded = ColumnShape.of(Types.LONGNVARCHAR, "nvarchar", Integer.MAX_VALUE, 0, true);
        ColumnShape bounded = ColumnShape.of(Types.VARCHAR, "varchar", 100, 0, true);

        assertThat(bounded.fitsInto(unbounded)).isTrue();
        assertThat(unbounded.fitsInto(bounded)).isFalse();
        assertThat(unbounded.type()).isEqualTo("text");
    }

    @Test
    void shouldMapSqlServerBitToBooleanAndTellIntegerSizesApart() {
        assertThat(ColumnShape.of(Types.BIT, "bit", 1, 0, false)
                        .fitsInto(ColumnShape.of(Types.BOOLEAN, "bool", 1, 0, true)))
                .isTrue();
        assertThat(ColumnShape.of(Types.BIGINT, "bigint", 19, 0, false)
                        .fitsInto(ColumnShape.of(Types.INTEGER, "int4", 10, 0, true)))
                .isFalse();
    }

    @Test
    void shouldTreatInstantsAndUuidsOfEitherVendorAlikeAndApartFromWallClockTimestampsAndTexts() {
        ColumnShape postgresInstant = ColumnShape.of(Types.TIMESTAMP, "timestamptz", 35, 6, true);
        ColumnShape sqlServerInstant = ColumnShape.of(-155, "datetimeoffset", 34, 7, true);

        assertThat(postgresInstant.sameType(sqlServerInstant)).isTrue();
        assertThat(postgresInstant.sameType(ColumnShape.of(Types.TIMESTAMP, "timestamp", 29, 6, true)))
                .as("timestamptz retyped to timestamp")
                .isFalse();
        assertThat(ColumnShape.of(Types.OTHER, "uuid", 2147483647, 0, true)
                        .sameType(ColumnShape.of(Types.CHAR, "uniqueidentifier", 36, 0, true)))
                .isTrue();
        assertThat(ColumnShape.of(Types.CHAR, "uniqueidentifier", 36, 0, true).type())
                .isEqualTo("uuid");
    }
}
