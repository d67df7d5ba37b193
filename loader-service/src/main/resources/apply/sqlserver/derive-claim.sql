-- A derive pass claims up to :oldest_keys queued keys in its own transaction: a tenth of its keys first,
-- then, with a backlog, the rest after the keys of dimension members (derive-claim-members.sql; see
-- apply/postgresql/derive-claim.sql). READPAST passes over rows of a lander still in flight. A key queued
-- twice is claimed twice; derive-fill reads each key once.
DELETE TOP (:oldest_keys) FROM ctl.derive_queue WITH (READPAST)
OUTPUT :token, deleted.entity, deleted.key_value INTO stg.derive_keys (apply_token, entity, key_value)
