-- relationships: the rows whose (non-null) value no row of the parent table holds in its column.
SELECT t.{key} AS row_key, t.{column} AS tested_value
FROM {table} t
WHERE t.{column} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parent_column} = t.{column})
