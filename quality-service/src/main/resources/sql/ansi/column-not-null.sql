-- not-null: the rows whose column is null. Every column test lists its failing rows as
-- (row_key, value): the table's key (its first primary-key column, else the column) and the value.
SELECT t.{key} AS row_key, t.{column} AS tested_value
FROM {table} t
WHERE t.{column} IS NULL
