-- A derive pass claims, after the queued keys of dimension members (derive-claim-members.sql), the oldest
-- :oldest_keys queued keys: what the members left of the pass's keys (BatchApplier.derive). The rows leave
-- the queue only if the pass commits; a lander's rows not yet committed are invisible to the statement's
-- snapshot, so they stay for the next pass.
-- Written as a range of the primary key, not as "queue_id IN (…)": on a queue that grew from nothing
-- without statistics, the IN form was planned as a nested loop over the whole queue (80 s for one
-- pass of 20,000 keys at 280,000 queued); a range is an index range scan whatever the statistics.
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id <= (SELECT MAX(f.queue_id)
                         FROM (SELECT queue_id FROM ctl.derive_queue ORDER BY queue_id LIMIT :oldest_keys) f)
    RETURNING q.entity, q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, entity, key_value FROM claimed
