-- quality_reader: what the quality service's checks read, and nothing they could write with. The checks
-- read dim, fact and mart (the facts and KPIs they measure), stg (the mirror: the versions the loader
-- has applied), ctl (the extractor's cursors, the derive queue, applied batches) and audit; the
-- service writes its results and alerts with another login (esteira.dw.*).
-- Grant it to the login of esteira.dw.reader.username, and make that login's sessions read-only:
--   CREATE ROLE esteira_quality_reader LOGIN PASSWORD '…' IN ROLE quality_reader;
--   ALTER ROLE esteira_quality_reader SET default_transaction_read_only = on;
--
-- Roles are cluster-wide: created only when missing, and losing the race to a concurrent creator counts
-- as success (as V8 does for bi_reader).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'quality_reader') THEN
        BEGIN
            CREATE ROLE quality_reader NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA dim, fact, mart, stg, ctl, audit TO quality_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA dim, fact, mart, stg, ctl, audit TO quality_reader;
-- Tables and views that later migrations (run by the same user) add to these schemas are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA dim, fact, mart, stg, ctl, audit GRANT SELECT ON TABLES TO quality_reader;
