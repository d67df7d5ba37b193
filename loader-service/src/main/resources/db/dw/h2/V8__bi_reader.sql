-- Esteira warehouse, H2 (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE). Follows db/dw/postgresql, the reference.
-- bi_reader: the read-only role of the BI users, allowed to read dim, fact and mart only. H2 roles are
-- per database, and schema grants cover the tables and views added later.
CREATE ROLE IF NOT EXISTS bi_reader;
GRANT SELECT ON SCHEMA dim TO bi_reader;
GRANT SELECT ON SCHEMA fact TO bi_reader;
GRANT SELECT ON SCHEMA mart TO bi_reader;
