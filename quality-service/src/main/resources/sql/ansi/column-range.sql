-- range: the rows whose value is below :min or above :max (both inclusive bounds; a null bound is no
-- bound, so the column is compared with itself). Nulls are not out of range: test them with not-null.
SELECT t.{key} AS row_key, t.{column} AS tested_value
FROM {table} t
WHERE t.{column} < COALESCE(:min, t.{column})
   OR t.{column} > COALESCE(:max, t.{column})
