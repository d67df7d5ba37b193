-- The latest judgement of every (check, entity), with the message of its result (it says whether that
-- run was the re-check of a repair); restores the alert state of each entity at start-up.
SELECT j.check_id, j.entity, j.status, j.value, j.message, j.result_message
FROM (
    SELECT r.check_id, e.entity, e.status, e.value, e.message, r.message AS result_message,
           ROW_NUMBER() OVER (PARTITION BY r.check_id, e.entity ORDER BY e.dq_result_id DESC) AS newest
    FROM audit.dq_result_entity e
    JOIN audit.dq_result r ON r.dq_result_id = e.dq_result_id
) j
WHERE j.newest = 1
