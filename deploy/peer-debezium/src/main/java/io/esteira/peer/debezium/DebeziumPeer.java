package io.esteira.peer.debezium;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The benchmark's Debezium peer (docs/adr/0020): Debezium's embedded engine with the PostgreSQL connector
 * and {@code pgoutput} snapshots the given tables and then streams their changes; {@link MirrorWriter}
 * upserts each batch into a mirror of the tables in another database. It knows nothing of Esteira: it is
 * configured as a Debezium user would configure it, for a source it is only given the URL of.
 *
 * <p>Runs until stopped (SIGTERM): then the engine stops, which drops its replication slot. Prints
 * {@code peer: engine started} on standard output when the engine starts; Debezium's warnings go to
 * standard error.
 */
public final class DebeziumPeer implements AutoCloseable {

    private final PeerOptions options;
    private final MirrorWriter writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "debezium-engine"));
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    public DebeziumPeer(PeerOptions options) throws SQLException {
        this.options = options;
        this.writer = new MirrorWriter(options.targetUrl(), options.targetUser(), options.targetPassword());
    }

    public static void main(String[] args) throws Exception {
        PeerOptions options;
        try {
            options = PeerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("peer: " + e.getMessage());
            System.exit(2);
            return;
        }
        DebeziumPeer peer = new DebeziumPeer(options);
        Runtime.getRuntime().addShutdownHook(new Thread(peer::close, "peer-stop"));
        peer.start();
        System.out.println("peer: engine started");
        System.out.flush();
        Throwable failed = peer.awaitStop();
        if (failed != null) {
            System.err.println("peer: the engine stopped: " + failed);
            System.exit(1);
        }
    }

    /** The engine's configuration: the PostgreSQL connector's documented properties, nothing of Esteira. */
    Properties configuration() {
        PeerOptions.Server server = options.sourceServer();
        Properties props = new Properties();
        props.setProperty("name", "esteira-peer-debezium");
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        props.setProperty("offset.storage.file.filename", options.offsetFile().toString());
        props.setProperty("offset.flush.interval.ms", "1000");
        props.setProperty("database.hostname", server.host());
        props.setProperty("database.port", Integer.toString(server.port()));
        props.setProperty("database.user", options.sourceUser());
        props.setProperty("database.password", options.sourcePassword());
        props.setProperty("database.dbname", server.database());
        props.setProperty("topic.prefix", "peer");
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", options.slot());
        props.setProperty("slot.drop.on.stop", "true");
        props.setProperty("publication.name", options.slot());
        props.setProperty("publication.autocreate.mode", "filtered");
        props.setProperty("table.include.list", String.join(",", options.tables()));
        props.setProperty("snapshot.mode", "initial");
        props.setProperty("tombstones.on.delete", "false");
        // The source's column types (varchar(n), numeric(p,s)) travel with the schema, as the JDBC sink
        // uses them to create its tables.
        props.setProperty("column.propagate.source.type", ".*");
        props.setProperty("max.batch.size", Integer.toString(options.batchSize()));
        props.setProperty("max.queue.size", Integer.toString(options.batchSize() * 4));
        props.setProperty("poll.interval.ms", Long.toString(options.pollMillis()));
        return props;
    }

    /** Starts the engine on a thread of its own. */
    public void start() {
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(configuration())
                .notifying(this::handleBatch)
                .using((success, message, error) -> {
                    if (!success) {
                        failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
                    }
                    stopped.countDown();
                })
                .build();
        executor.execute(engine);
    }

    private synchronized void handleBatch(
            List<RecordChangeEvent<SourceRecord>> events,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>(events.size());
        for (RecordChangeEvent<SourceRecord> event : events) {
            records.add(event.record());
        }
        try {
            written.addAndGet(writer.write(records));
        } catch (SQLException e) {
            // The engine stops on a failed batch; its offsets were not committed, so a restart replays it.
            throw new IllegalStateException(
                    "Writing a batch of " + records.size() + " changes to the mirror failed: " + e.getMessage(), e);
        }
        for (RecordChangeEvent<SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    /** Rows written or deleted in the mirror so far. */
    public long written() {
        return written.get();
    }

    /** Waits until the engine stops; its failure, or null. */
    public Throwable awaitStop() throws InterruptedException {
        stopped.await();
        return failure.get();
    }

    /** The engine's failure so far, or null. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
            executor.shutdown();
            executor.awaitTermination(30, TimeUnit.SECONDS);
            writer.close();
            Files.deleteIfExists(options.offsetFile());
        } catch (Exception e) {
            System.err.println("peer: stopping: " + e);
        }
    }
}
