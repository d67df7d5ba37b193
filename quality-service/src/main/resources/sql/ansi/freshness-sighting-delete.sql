-- freshness, an entity without a change time: forget the sighting (nothing pending, or about to be replaced).
DELETE FROM audit.dq_freshness_sighting WHERE check_id = :check_id AND entity = :entity
