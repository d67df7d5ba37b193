package io.esteira.alerting;

import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;

/** Gives a test database the warehouse schema, with {@code audit.alert_log}, by the loader's migrations. */
public final class DwTestSchema {

    private DwTestSchema() {}

    public static void create(PostgresDatabase dw) {
        DwSchema.migrate(dw.dataSource());
    }
}
