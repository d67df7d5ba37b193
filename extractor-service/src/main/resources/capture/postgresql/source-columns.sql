-- The columns of one source table and their types, as the OLTP's own catalog lists them to the
-- extractor's login (information_schema shows only what the login may read: a table it cannot read
-- looks missing). Start-up checks the entity catalog against it. Names compare case-insensitively;
-- an unqualified table is looked for in the login's current schema.
SELECT column_name, data_type
FROM information_schema.columns
WHERE lower(table_schema) = lower(COALESCE(CAST(:schema_name AS text), current_schema()))
  AND lower(table_name) = lower(:table_name)
