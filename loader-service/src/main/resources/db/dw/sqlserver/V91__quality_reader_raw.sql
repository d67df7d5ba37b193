-- quality_reader (V70) also reads raw, the mirror entities' tables (V90, docs/adr/0015-mirror-tables.md):
-- the freshness and schema-drift checks watch every declared entity, mirror entities included, and read
-- what the loader has applied from raw.<entity>. A grant on the schema covers the tables the loader
-- creates in it later.
GRANT SELECT ON SCHEMA::raw TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::raw TO quality_reader;
GO
