-- freshness, an entity without a change time: changes up to seen_version were pending at first_seen_at (UTC).
INSERT INTO audit.dq_freshness_sighting (check_id, entity, seen_version, first_seen_at)
VALUES (:check_id, :entity, :seen_version, :first_seen_at)
