-- Live rows of this batch whose key the mirror does not hold yet: the batch's inserts (counted
-- before the merge, for the audit's rows inserted versus updated).
SELECT COUNT(*)
FROM {incoming} i
WHERE i.apply_token = :token AND i.source_deleted = {false}
  AND NOT EXISTS (SELECT 1 FROM {stg} t WHERE t.{key} = i.{key})
