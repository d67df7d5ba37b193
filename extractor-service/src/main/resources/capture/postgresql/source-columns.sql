-- The columns of one source table and their types, as the OLTP's own catalog lists them to the
-- extractor's login (information_schema shows only what the login may read: a table it cannot read
-- looks missing). Start-up checks the entity catalog against it, and a mirror entity's batches carry
-- the types (length, precision and scale: ColumnType.ofSource). Names compare case-insensitively; an
-- unqualified table is looked for in the login's current schema. In the table's order: a mirror entity
-- declared without columns carries them in it. A type of an extension or an enum (data_type
-- USER-DEFINED) is reported by its name (citext), an array as 'array of' its element type, so that a
-- refusal names the type.
SELECT column_name,
       CASE data_type
           WHEN 'USER-DEFINED' THEN CAST(udt_name AS text)
           WHEN 'ARRAY' THEN 'array of ' || substr(CAST(udt_name AS text), 2)
           ELSE CAST(data_type AS text)
       END AS data_type,
       CAST(character_maximum_length AS integer) AS type_length,
       CAST(numeric_precision AS integer) AS type_precision,
       CAST(numeric_scale AS integer) AS type_scale
FROM information_schema.columns
WHERE lower(table_schema) = lower(COALESCE(CAST(:schema_name AS text), current_schema()))
  AND lower(table_name) = lower(:table_name)
ORDER BY ordinal_position
