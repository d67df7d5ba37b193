-- quality_reader (V70) also reads raw, the mirror entities' tables (V90, docs/adr/0015-mirror-tables.md):
-- the freshness and schema-drift checks watch every declared entity, mirror entities included, and read
-- what the loader has applied from raw.<entity>. The loader creates those tables with an entity's first
-- batch, under the login that runs these migrations: the default privilege covers them.
GRANT USAGE ON SCHEMA raw TO quality_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA raw TO quality_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA raw GRANT SELECT ON TABLES TO quality_reader;
