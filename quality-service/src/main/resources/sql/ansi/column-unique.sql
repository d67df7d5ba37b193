-- unique: the rows whose (non-null) value another row of the table holds too.
SELECT t.{key} AS row_key, t.{column} AS tested_value
FROM {table} t
WHERE t.{column} IN (SELECT d.{column} FROM {table} d WHERE d.{column} IS NOT NULL GROUP BY d.{column} HAVING COUNT(*) > 1)
