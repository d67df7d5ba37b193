-- Land, then derive (docs/adr/0006-land-then-derive.md). A lander's transaction merges its batch into
-- the staging mirror and queues the keys that changed in ctl.derive_queue; one deriver at a time
-- claims what is queued and committed, re-derives dimensions and facts from the mirror in set-based
-- passes, and removes what it claimed in the same transaction. The queue is logged: a key queued by
-- a committed batch survives any crash until a pass has derived it.

CREATE TABLE ctl.derive_queue (
    queue_id  bigint GENERATED ALWAYS AS IDENTITY,
    entity    varchar(63)  NOT NULL,
    key_value bigint       NOT NULL,
    queued_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_derive_queue PRIMARY KEY (queue_id)
);
COMMENT ON TABLE ctl.derive_queue IS 'Keys a lander changed in the staging mirror and the deriver has not derived yet: one row per key and batch, removed by the derive pass that claims it.';
COMMENT ON COLUMN ctl.derive_queue.queue_id IS 'Order of queueing; a pass claims the oldest first.';
COMMENT ON COLUMN ctl.derive_queue.entity IS 'Catalog entity of the key (its staging mirror is stg.<entity>).';
COMMENT ON COLUMN ctl.derive_queue.key_value IS 'The source key whose mirror row changed.';
COMMENT ON COLUMN ctl.derive_queue.queued_at IS 'When the lander queued the key (UTC): the queue''s age is the derive lag.';

CREATE TABLE ctl.derive_failed (
    entity    varchar(63)   NOT NULL,
    key_value bigint        NOT NULL,
    reason    varchar(2000) NOT NULL,
    failed_at timestamp(3)  NOT NULL,
    CONSTRAINT pk_derive_failed PRIMARY KEY (entity, key_value)
);
COMMENT ON TABLE ctl.derive_failed IS 'Keys no derive pass could derive, even alone: parked here with the reason so that every other key keeps flowing; POST /api/dlq/derive/retry queues them again after the fix.';
COMMENT ON COLUMN ctl.derive_failed.entity IS 'Catalog entity of the key.';
COMMENT ON COLUMN ctl.derive_failed.key_value IS 'The source key whose dimensions or facts could not be derived.';
COMMENT ON COLUMN ctl.derive_failed.reason IS 'The database''s error for the pass that held only this key.';
COMMENT ON COLUMN ctl.derive_failed.failed_at IS 'When the key was parked (UTC).';

CREATE UNLOGGED TABLE stg.derive_keys (
    apply_token varchar(36) NOT NULL,
    entity      varchar(63) NOT NULL,
    key_value   bigint      NOT NULL
);
CREATE INDEX ix_stg_derive_keys ON stg.derive_keys (apply_token, entity, key_value);
COMMENT ON TABLE stg.derive_keys IS 'Loader work table: the keys a derive pass claimed from ctl.derive_queue; empty outside a derive pass.';
COMMENT ON COLUMN stg.derive_keys.apply_token IS 'Identifies the derive pass that wrote the row.';
COMMENT ON COLUMN stg.derive_keys.entity IS 'Catalog entity of the key.';
COMMENT ON COLUMN stg.derive_keys.key_value IS 'The source key to re-derive.';
