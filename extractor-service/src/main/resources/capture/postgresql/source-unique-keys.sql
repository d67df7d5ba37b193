-- The single columns that identify a row of one source table: the key column of each unique index
-- on one column (the primary key's among them) that is not partial. Capture breaks ties between rows
-- of one transaction by the entity's key, so the key must be one of them. Read from pg_catalog, which
-- shows every table's indexes to any login: information_schema.table_constraints would hide them from
-- a login that may only SELECT.
SELECT a.attname AS column_name
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
WHERE lower(n.nspname) = lower(COALESCE(CAST(:schema_name AS text), current_schema()))
  AND lower(c.relname) = lower(:table_name)
  AND i.indisunique
  AND i.indnkeyatts = 1
  AND i.indpred IS NULL
