-- A derive pass with a backlog claims, after a tenth of its keys from the oldest, up to :member_keys
-- queued keys of the entities that maintain dimension members, :members (see
-- apply/postgresql/derive-claim-members.sql), then the oldest again (derive-claim.sql). READPAST passes
-- over rows of a lander still in flight. A key queued twice is claimed twice, and derive-fill reads each
-- key once.
DELETE TOP (:member_keys) FROM ctl.derive_queue WITH (READPAST)
OUTPUT CAST(:token AS VARCHAR(36)), deleted.entity, deleted.key_value INTO stg.derive_keys (apply_token, entity, key_value)
WHERE entity IN (:members);
