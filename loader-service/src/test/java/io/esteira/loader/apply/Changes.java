package io.esteira.loader.apply;

import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds change batches the way the extractor does, for tests. */
public final class Changes {

    private Changes() {}

    public static ChangeBatch batch(String entity, ChangeBatch.Row... rows) {
        return batch(entity, null, rows);
    }

    static ChangeBatch replay(String entity, String replayId, ChangeBatch.Row... rows) {
        return batch(entity, replayId, rows);
    }

    private static ChangeBatch batch(String entity, String replay, ChangeBatch.Row... rows) {
        List<ChangeBatch.Row> list = Arrays.asList(rows);
        ChangeBatch.Row first = list.get(0);
        ChangeBatch.Row last = list.get(list.size() - 1);
        ChangeBatch.Watermark watermark = new ChangeBatch.Watermark(
                new Cursor(first.version() - 1, first.key()), new Cursor(last.version(), last.key()));
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of(entity, watermark, replay),
                entity,
                new ChangeBatch.Source("oltp", "core." + entity),
                Instant.now(),
                watermark,
                replay,
                list);
    }

    /** An upsert of {@code key} at {@code version}; {@code pairs} are column, value, column, value, … */
    public static ChangeBatch.Row upsert(long key, long version, Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        data.putIfAbsent("created_at", "2026-01-01T00:00:00");
        data.putIfAbsent("updated_at", "2026-01-01T00:00:00");
        return new ChangeBatch.Row(ChangeBatch.Op.upsert, key, version, data);
    }

    public static ChangeBatch.Row delete(long key, long version) {
        return new ChangeBatch.Row(ChangeBatch.Op.delete, key, version, Map.of());
    }
}
