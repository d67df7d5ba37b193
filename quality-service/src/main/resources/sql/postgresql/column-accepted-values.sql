-- accepted-values: the rows whose (non-null) value, as text, is not one of :accepted.
SELECT t.{key} AS row_key, t.{column} AS tested_value
FROM {table} t
WHERE CAST(t.{column} AS varchar) NOT IN (:accepted)
