-- Orphan keys of one fact column whose dimension has no inferred members (dim_data, generated):
-- rows whose key points at no row, or at the unknown member when the key is mandatory
-- (:unknown_member is 0 then, else null, which matches nothing).
SELECT f.{fact_key} AS fact_key,
       f.{column} AS dimension_key,
       CASE WHEN d.{dimension_column} IS NULL THEN 'missing' ELSE 'unknown' END AS problem
FROM {fact} f
LEFT JOIN {dimension} d ON d.{dimension_column} = f.{column}
WHERE d.{dimension_column} IS NULL
   OR f.{column} = :unknown_member
