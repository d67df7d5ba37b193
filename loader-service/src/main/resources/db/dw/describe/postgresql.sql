-- One COMMENT ON statement for a description of db/dw/descriptions.yml, identifiers and text quoted by
-- the server (format's %I and %L). Parameters: level (SCHEMA, TABLE, VIEW or COLUMN), schema, relation,
-- column, text.
WITH d (level, schema_name, relation_name, column_name, description) AS (
    VALUES (CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text))
)
SELECT CASE level
           WHEN 'SCHEMA' THEN format('COMMENT ON SCHEMA %I IS %L', schema_name, description)
           WHEN 'TABLE' THEN format('COMMENT ON TABLE %I.%I IS %L', schema_name, relation_name, description)
           WHEN 'VIEW' THEN format('COMMENT ON VIEW %I.%I IS %L', schema_name, relation_name, description)
           WHEN 'COLUMN' THEN format('COMMENT ON COLUMN %I.%I.%I IS %L', schema_name, relation_name, column_name, description)
       END
FROM d
