-- Data dictionary: the warehouse schemas and their comments (parameter: the schema names).
SELECT n.nspname                                   AS schema_name,
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ANY (?)
