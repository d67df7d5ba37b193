-- The COMMENT ON statements of every description of a descriptions file (db/dw/descriptions.yml,
-- db/oltp/descriptions.yml), as one script (one round trip to build it, one to run it), identifiers and
-- texts quoted by the server (format's %I and %L).
-- Parameters, arrays in the same order: level (SCHEMA, TABLE, VIEW or COLUMN), schema, relation, column, text.
SELECT string_agg(
           CASE d.level
               WHEN 'SCHEMA' THEN format('COMMENT ON SCHEMA %I IS %L', d.schema_name, d.description)
               WHEN 'TABLE' THEN format('COMMENT ON TABLE %I.%I IS %L', d.schema_name, d.relation_name, d.description)
               WHEN 'VIEW' THEN format('COMMENT ON VIEW %I.%I IS %L', d.schema_name, d.relation_name, d.description)
               WHEN 'COLUMN' THEN format('COMMENT ON COLUMN %I.%I.%I IS %L',
                                         d.schema_name, d.relation_name, d.column_name, d.description)
           END,
           E';\n' ORDER BY d.ord)
FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
     WITH ORDINALITY AS d (level, schema_name, relation_name, column_name, description, ord)
