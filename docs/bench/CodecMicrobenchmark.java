import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one change batch of 2,500 order items (the default batch size; ten columns as the OLTP's
 * order_items has them) over and over with the shared ContractCodec, and prints the time and the bytes
 * allocated per row, on this thread. A measuring tool, not a test: docs/performance.md says how it is run
 * and what it showed. Run it with the services' JIT and collector (C1 only, serial GC, 96 MB heap: jvm.options)
 * to see what they see.
 */
public class CodecMicrobenchmark {

    public static void main(String[] args) {
        ContractCodec codec = ContractCodec.standard();
        List<ChangeBatch.Row> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("order_item_id", 1_000_000L + i);
            data.put("order_id", 400_000L + i / 3);
            data.put("product_id", 1_000L + i % 977);
            data.put("quantity", 1L + i % 5);
            data.put("unit_price", new BigDecimal("123.45"));
            data.put("unit_cost", new BigDecimal("67.80"));
            data.put("discount_amount", new BigDecimal("0.00"));
            data.put("created_at", "2026-03-08T02:30:15.123");
            data.put("updated_at", "2026-03-09T12:00:01.5");
            data.put("deleted_at", null);
            rows.add(new ChangeBatch.Row(ChangeBatch.Op.upsert, 1_000_000L + i, 5_000_000L + i, data));
        }
        ChangeBatch.Watermark watermark =
                new ChangeBatch.Watermark(new ChangeBatch.Cursor(100, 7), new ChangeBatch.Cursor(250, 42));
        ChangeBatch batch = new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of("order_items", watermark, null),
                "order_items",
                new ChangeBatch.Source("oltp", "core.order_items"),
                Instant.now(),
                watermark,
                null,
                rows);
        byte[] json = codec.write(batch);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int times = 200;
        long perRound = (long) times * rows.size();
        System.out.printf("one batch: %,d rows, %,d bytes of JSON; %d reads and %d writes a round%n", rows.size(), json.length, times, times);
        long check = 0;
        for (int round = 1; round <= 6; round++) {
            long allocated = threads.getThreadAllocatedBytes(thread);
            long started = System.nanoTime();
            for (int i = 0; i < times; i++) {
                check += codec.readChangeBatch(json).rows().size();
            }
            long read = System.nanoTime() - started;
            long readBytes = threads.getThreadAllocatedBytes(thread) - allocated;
            allocated = threads.getThreadAllocatedBytes(thread);
            started = System.nanoTime();
            for (int i = 0; i < times; i++) {
                check += codec.write(batch).length;
            }
            long written = System.nanoTime() - started;
            long writeBytes = threads.getThreadAllocatedBytes(thread) - allocated;
            System.out.printf("round %d: read %.2f µs and %,d bytes a row; write %.2f µs and %,d bytes a row%n",
                    round, read / 1e3 / perRound, readBytes / perRound, written / 1e3 / perRound, writeBytes / perRound);
        }
        if (check == 0) {
            throw new IllegalStateException("nothing was read");
        }
    }
}
