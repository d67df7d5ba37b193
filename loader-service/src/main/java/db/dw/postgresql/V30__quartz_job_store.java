package db.dw.postgresql;

import io.esteira.loader.schema.QuartzJobStoreMigration;

/** The extractors' clustered Quartz job store in {@code ctl} ({@link QuartzJobStoreMigration}). */
public class V30__quartz_job_store extends QuartzJobStoreMigration {

    public V30__quartz_job_store() {
        super("org/quartz/impl/jdbcjobstore/tables_postgres.sql", false);
    }
}
