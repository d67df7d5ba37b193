-- Orphan keys of one fact column: rows whose key points at no row of the dimension, at the unknown
-- member when the key is mandatory (:unknown_member is 0 then, else null, which matches nothing), or
-- at an inferred member written before :cutoff (still waiting for its source row).
SELECT f.{fact_key} AS fact_key,
       f.{column} AS dimension_key,
       CASE WHEN d.{dimension_column} IS NULL THEN 'missing'
            WHEN f.{column} = :unknown_member THEN 'unknown'
            ELSE 'inferred' END AS problem,
       d.{loaded_at} AS loaded_at
FROM {fact} f
LEFT JOIN {dimension} d ON d.{dimension_column} = f.{column}
WHERE d.{dimension_column} IS NULL
   OR f.{column} = :unknown_member
   OR (d.{inferred} = :inferred AND d.{loaded_at} < :cutoff)
