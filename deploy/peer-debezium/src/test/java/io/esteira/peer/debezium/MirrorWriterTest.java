package io.esteira.peer.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** How the sink turns Debezium's schemas and values into the mirror's columns and JDBC parameters. */
class MirrorWriterTest {

    @Test
    void shouldUpsertOnTheRecordKeyAndUpdateEveryOtherColumn() {
        Schema key = SchemaBuilder.struct()
                .field("order_item_id", Schema.INT64_SCHEMA)
                .build();
        Schema value = SchemaBuilder.struct()
                .field("order_item_id", Schema.INT64_SCHEMA)
                .field("quantity", Schema.INT32_SCHEMA)
                .field("unit_price", Decimal.schema(2))
                .build();

        assertThat(MirrorWriter.upsertSql("\"core\".\"order_items\"", key, value))
                .isEqualTo("INSERT INTO \"core\".\"order_items\" (\"order_item_id\", \"quantity\", \"unit_price\")"
                        + " VALUES (?, ?, ?) ON CONFLICT (\"order_item_id\") DO UPDATE SET"
                        + " \"quantity\" = EXCLUDED.\"quantity\", \"unit_price\" = EXCLUDED.\"unit_price\"");
    }

    @Test
    void shouldKeepTheSourceColumnTypeThatDebeziumPropagates() {
        Schema varchar = SchemaBuilder.string()
                .parameter("__debezium.source.column.type", "VARCHAR")
                .parameter("__debezium.source.column.length", "100")
                .build();
        Schema numeric = Decimal.builder(2)
                .parameter("__debezium.source.column.type", "NUMERIC")
                .parameter("__debezium.source.column.length", "12")
                .parameter("__debezium.source.column.scale", "2")
                .build();

        assertThat(MirrorWriter.columnType(varchar)).isEqualTo("varchar(100)");
        assertThat(MirrorWriter.columnType(numeric)).isEqualTo("numeric(12,2)");
        assertThat(MirrorWriter.columnType(Schema.INT16_SCHEMA)).isEqualTo("smallint");
        assertThat(MirrorWriter.columnType(Schema.BOOLEAN_SCHEMA)).isEqualTo("boolean");
        assertThat(MirrorWriter.columnType(SchemaBuilder.int64()
                        .name("io.debezium.time.MicroTimestamp")
                        .build()))
                .isEqualTo("timestamp(6)");
    }

    @Test
    void shouldTurnDebeziumTimeRepresentationsIntoJavaTimeValues() {
        Schema date = SchemaBuilder.int32().name("io.debezium.time.Date").build();
        Schema micros =
                SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").build();
        Schema zoned =
                SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build();

        assertThat(MirrorWriter.jdbcValue(date, 19_723)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(MirrorWriter.jdbcValue(micros, 1_704_067_200_123_456L))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_000));
        assertThat(MirrorWriter.jdbcValue(zoned, "2024-01-01T10:00:00.5Z"))
                .isEqualTo(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 500_000_000, ZoneOffset.UTC));
        assertThat(MirrorWriter.jdbcValue(Decimal.schema(2), new BigDecimal("12.34")))
                .isEqualTo(new BigDecimal("12.34"));
        assertThat(MirrorWriter.jdbcValue(micros, null)).isNull();
    }
}
