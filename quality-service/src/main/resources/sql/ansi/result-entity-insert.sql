-- The judgement of one entity by one run of a check judged per entity (freshness), in the same
-- transaction as its audit.dq_result row.
INSERT INTO audit.dq_result_entity (dq_result_id, entity, status, value, message)
VALUES (:dq_result_id, :entity, :status, :value, :message)
