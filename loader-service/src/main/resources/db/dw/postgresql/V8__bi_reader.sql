-- bi_reader: the read-only role of the BI users, allowed to read dim, fact and mart only (stg, ctl and
-- audit stay closed: PostgreSQL grants nothing on a new schema to PUBLIC). Grant it to a login role:
-- GRANT bi_reader TO some_analyst.
--
-- Roles are cluster-wide: several databases of one server (the test databases, or a DW per tenant) run
-- this script, possibly at the same time. So the role is created only when missing, and losing the race
-- to a concurrent creator (duplicate_object, or unique_violation on pg_authid) counts as success.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'bi_reader') THEN
        BEGIN
            CREATE ROLE bi_reader NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA dim, fact, mart TO bi_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA dim, fact, mart TO bi_reader;
-- Tables and views that later migrations (run by the same user) add to these schemas are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA dim, fact, mart GRANT SELECT ON TABLES TO bi_reader;
