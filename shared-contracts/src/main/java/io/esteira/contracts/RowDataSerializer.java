package io.esteira.contracts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes row data as a JSON object, name by name in column order, as Jackson's map serializer writes any
 * map with the same entries (the same bytes: {@code ContractCodecTest}), without an entry object per column
 * or a serializer looked up per value: 100 MB of the extractor's 1.7 GB of allocations in a 200,000-item
 * benchmark went to the map view's entries (docs/performance.md). Values of other types than those a batch
 * carries are written by the serializer the mapper has for them.
 */
final class RowDataSerializer extends StdSerializer<RowData> {

    RowDataSerializer() {
        super(RowData.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, RowData value) {
        return value.isEmpty();
    }

    @Override
    public void serialize(RowData data, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeStartObject(data);
        for (int i = 0; i < data.size(); i++) {
            generator.writeFieldName(data.nameAt(i));
            Object value = data.valueAt(i);
            if (value == null) {
                generator.writeNull();
            } else if (value instanceof String text) {
                generator.writeString(text);
            } else if (value instanceof Long number) {
                generator.writeNumber(number);
            } else if (value instanceof BigDecimal number) {
                generator.writeNumber(number);
            } else if (value instanceof Boolean flag) {
                generator.writeBoolean(flag);
            } else {
                provider.defaultSerializeValue(value, generator);
            }
        }
        generator.writeEndObject();
    }
}
