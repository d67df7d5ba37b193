package io.esteira.quality.scenario;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.check.CheckFactory;
import io.esteira.quality.check.Database;
import java.time.Clock;

/** What the PostgreSQL scenarios of one check kind share: the fixture's data and a factory on both databases. */
final class PostgresScenario {

    /** The newest {@code row_version} of a table as a bigint (xid8 on PostgreSQL). */
    static final String MAX_VERSION_SQL = "SELECT COALESCE(MAX(CAST(CAST(row_version AS text) AS bigint)), 0) FROM %s";

    private PostgresScenario() {}

    /** Resets both databases to the consistent {@link Fixture}. */
    static void load(PostgresDatabase oltp, PostgresDatabase dw) {
        Fixture.load(oltp.dataSource(), dw.dataSource(), MAX_VERSION_SQL);
    }

    /** A check factory on both databases, in the fixture's zone, at {@code clock}. */
    static CheckFactory factory(PostgresDatabase oltp, PostgresDatabase dw, Clock clock) {
        return factory(oltp, dw, EntityCatalog.reference(), clock);
    }

    /** A check factory on both databases and {@code catalog}, in the fixture's zone, at {@code clock}. */
    static CheckFactory factory(PostgresDatabase oltp, PostgresDatabase dw, EntityCatalog catalog, Clock clock) {
        return new CheckFactory(
                Database.of("oltp", oltp.dataSource(), 10),
                Database.of("dw", dw.dataSource(), 10),
                catalog,
                Fixture.ZONE,
                10,
                clock);
    }
}
