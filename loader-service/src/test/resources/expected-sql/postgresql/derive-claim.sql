-- A derive pass claims the oldest :oldest_keys queued keys: first a tenth of its keys, and after the keys
-- of dimension members (derive-claim-members.sql), which it claims only with a backlog, the oldest again
-- up to its limit (BatchApplier.derive). The rows leave the queue only if the pass commits; a lander's rows
-- not yet committed are invisible to the statement's snapshot, so they stay for the next pass.
-- Written as a range of the primary key, not as "queue_id IN (…)": on a queue that grew from nothing
-- without statistics, the IN form was planned as a nested loop over the whole queue (80 s for one
-- pass of 20,000 keys at 280,000 queued); a range is an index range scan on a queue the planner knows
-- to be large, and at worst one scan of a queue it believes small (a vacuum emptied it since).
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id <= (SELECT MAX(f.queue_id)
                         FROM (SELECT queue_id FROM ctl.derive_queue ORDER BY queue_id LIMIT :oldest_keys) f)
    RETURNING q.entity, q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, entity, key_value FROM claimed
