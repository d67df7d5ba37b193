-- Data dictionary: columns of the warehouse tables and views, in table order, with their PostgreSQL type
-- (as \d shows it), nullability and comment (parameter: the schema names).
SELECT c.table_schema,
       c.table_name,
       c.column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       c.is_nullable,
       pg_catalog.col_description(a.attrelid, a.attnum) AS comment
FROM information_schema.columns c
JOIN pg_catalog.pg_namespace n ON n.nspname = c.table_schema
JOIN pg_catalog.pg_class k ON k.relnamespace = n.oid AND k.relname = c.table_name
JOIN pg_catalog.pg_attribute a ON a.attrelid = k.oid AND a.attname = c.column_name
WHERE c.table_schema = ANY (?)
ORDER BY c.table_schema, c.table_name, c.ordinal_position
