package io.esteira.local.bench;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * The reference the pipeline is measured against: the fastest honest way to the same star from the
 * same source, independent of the code it judges. A one-shot full build written as a data engineer
 * writes one, with its own SQL ({@code reference-postgresql.sql}; nothing of the extractor or the
 * loader): each source table copied once from the OLTP into the reference warehouse (binary {@code
 * COPY} out of the OLTP, piped by this JVM into {@code COPY} into an unlogged table), then the
 * dimensions, the calendar's missing days and the three facts built with {@code INSERT … SELECT}
 * into a warehouse migrated with the DW schema, with the facts' foreign keys and the non-unique
 * indexes put back at the end. Timed from the first copy to the last index.
 *
 * <p>Why COPY through JDBC rather than {@code postgres_fdw} or {@code dblink} (both ship with the
 * machine's PostgreSQL 15 and the embedded 17): it needs no extension, no superuser to create one, and
 * no route from the DW's server to the OLTP's, so it works wherever the benchmark does.
 *
 * <p>What a full build can know differs from the pipeline in SCD2 history, inferred members and
 * hard-deleted members: see the head of {@code reference-postgresql.sql}. On an initial load from a
 * source nobody changes meanwhile, the two warehouses hold the same business content.
 */
final class ReferenceBuild {

    /** The build's statements in order, after the copy (each timed and reported). */
    static final List<String> BUILD = List.of(
            "dim_regiao",
            "dim_equipe",
            "dim_vendedor",
            "dim_cliente",
            "dim_produto",
            "dim_desconto",
            "dim_data",
            "fact_vendas",
            "fact_descontos",
            "fact_metas");

    /**
     * What the reference did.
     *
     * @param load source rows copied per entity, and the time: capture = copy, apply = build + indexes
     * @param tombstones hard deletes per entity in the source, which the pipeline reads as changes
     * @param steps seconds per step (copy per table, build per table, indexes), in order
     */
    record Result(LoadResult load, Map<String, Long> tombstones, Map<String, Double> steps) {

        /** The changes the pipeline's initial load applies per entity: every source row and tombstone. */
        Map<String, Long> expectedChanges() {
            Map<String, Long> expected = new LinkedHashMap<>(load.rowsByEntity());
            tombstones.forEach((entity, rows) -> expected.merge(entity, rows, Long::sum));
            return expected;
        }
    }

    private final DataSource oltp;
    private final DataSource warehouse;

    /**
     * @param warehouse migrated with the DW schema and holding no load (its calendar and unknown
     *     members only)
     */
    ReferenceBuild(DataSource oltp, DataSource warehouse) {
        this.oltp = oltp;
        this.warehouse = warehouse;
    }

    Result run(Consumer<String> progress) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Double> steps = new LinkedHashMap<>();
        try (Connection source = oltp.getConnection();
                Connection target = warehouse.getConnection()) {
            try (Statement statement = target.createStatement()) {
                statement.execute(BenchSql.get("reference-source-schema"));
            }
            // The copy reads one consistent snapshot of the source, as a full build should.
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            source.setReadOnly(true);
            Map<String, Long> tombstones = tombstones(source);
            long started = System.nanoTime();
            for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
                long stepStart = System.nanoTime();
                rows.put(entity.name(), copy(source, target, entity.name()));
                steps.put("copy " + entity.name(), seconds(stepStart));
            }
            source.commit();
            long copied = System.nanoTime();
            progress.accept(String.format(
                    Locale.ROOT,
                    "reference: %,d source rows copied in %.1f s",
                    rows.values().stream().mapToLong(Long::longValue).sum(),
                    (copied - started) / 1e9));

            target.setAutoCommit(false);
            List<String[]> deferred = deferred(target);
            try (Statement statement = target.createStatement()) {
                for (String[] ddl : deferred) {
                    statement.execute(ddl[0]);
                }
                long analyzeStart = System.nanoTime();
                statement.execute(BenchSql.get("reference-analyze-source"));
                steps.put("analyze the copies", seconds(analyzeStart));
                for (String table : BUILD) {
                    long stepStart = System.nanoTime();
                    statement.execute(BenchSql.get("reference-build-" + table));
                    steps.put("build " + table, seconds(stepStart));
                }
                long indexStart = System.nanoTime();
                for (String[] ddl : deferred) {
                    statement.execute(ddl[1]);
                }
                steps.put("foreign keys and indexes", seconds(indexStart));
            }
            target.commit();
            long built = System.nanoTime();
            progress.accept(
                    String.format(Locale.ROOT, "reference: star built and indexed in %.1f s", (built - copied) / 1e9));
            target.setAutoCommit(true);
            try (Statement statement = target.createStatement()) {
                statement.execute(BenchSql.get("reference-drop-source"));
            }
            LoadResult load = new LoadResult(
                    rows,
                    0,
                    Duration.ofNanos(built - started),
                    Duration.ofNanos(copied - started),
                    Duration.ofNanos(built - copied));
            return new Result(load, tombstones, steps);
        } catch (SQLException e) {
            throw new BenchException(
                    "The reference build failed: " + e.getMessage()
                            + ". Check that the OLTP and the reference warehouse are reachable and the latter is"
                            + " freshly migrated.",
                    e);
        }
    }

    /** Copies one source table; returns the rows copied. */
    private static long copy(Connection source, Connection target, String entity) throws SQLException {
        CopyOut out =
                source.unwrap(PGConnection.class).getCopyAPI().copyOut(BenchSql.get("reference-copy-out-" + entity));
        CopyIn in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(BenchSql.get("reference-copy-in-" + entity));
        try {
            for (byte[] chunk = out.readFromCopy(); chunk != null; chunk = out.readFromCopy()) {
                in.writeToCopy(chunk, 0, chunk.length);
            }
            return in.endCopy();
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static Map<String, Long> tombstones(Connection source) throws SQLException {
        Map<String, Long> tombstones = new LinkedHashMap<>();
        try (PreparedStatement statement = source.prepareStatement(BenchSql.get("reference-tombstones"));
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tombstones.put(rs.getString(1), rs.getLong(2));
            }
        }
        return tombstones;
    }

    /** Pairs of (drop, create) statements for what the build puts back at the end. */
    private static List<String[]> deferred(Connection target) throws SQLException {
        List<String[]> deferred = new ArrayList<>();
        try (PreparedStatement statement = target.prepareStatement(BenchSql.get("reference-deferred"));
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                deferred.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return deferred;
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e6) / 1000.0;
    }
}
