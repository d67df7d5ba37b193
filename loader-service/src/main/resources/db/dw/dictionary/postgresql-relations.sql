-- Data dictionary: tables and views of the warehouse schemas and their comments (parameter: the schema names).
SELECT t.table_schema,
       t.table_name,
       t.table_type,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM information_schema.tables t
JOIN pg_catalog.pg_namespace n ON n.nspname = t.table_schema
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.table_name
WHERE t.table_schema = ANY (?)
ORDER BY t.table_schema, t.table_name
