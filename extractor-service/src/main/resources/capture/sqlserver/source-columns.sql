-- The columns of one source table and their types, as the OLTP's own catalog lists them to the
-- extractor's login (metadata visibility: a table it cannot read looks missing). Start-up checks the
-- entity catalog against it, and a mirror entity's batches carry the types (length, precision and
-- scale: ColumnType.ofSource). INFORMATION_SCHEMA in capitals, so that it resolves under a
-- case-sensitive collation too; names compare case-insensitively; an unqualified table is looked for
-- in the login's default schema. A rowversion column's DATA_TYPE is 'timestamp'. In the table's order: a
-- mirror entity declared without columns carries them in it.
SELECT COLUMN_NAME AS column_name, DATA_TYPE AS data_type,
       CAST(CHARACTER_MAXIMUM_LENGTH AS int) AS type_length,
       CAST(NUMERIC_PRECISION AS int) AS type_precision,
       CAST(NUMERIC_SCALE AS int) AS type_scale
FROM INFORMATION_SCHEMA.COLUMNS
WHERE LOWER(TABLE_SCHEMA) = LOWER(COALESCE(CAST(:schema_name AS NVARCHAR(128)), SCHEMA_NAME()))
  AND LOWER(TABLE_NAME) = LOWER(CAST(:table_name AS NVARCHAR(128)))
ORDER BY ORDINAL_POSITION
