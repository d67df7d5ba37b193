-- freshness, an entity without a change time: the newest change order the check saw pending and when it
-- first saw it (UTC); no row when nothing was pending at the last run.
SELECT seen_version, first_seen_at
FROM audit.dq_freshness_sighting
WHERE check_id = :check_id AND entity = :entity
