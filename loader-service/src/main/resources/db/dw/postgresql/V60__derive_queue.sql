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

CREATE TABLE ctl.derive_failed (
    entity    varchar(63)   NOT NULL,
    key_value bigint        NOT NULL,
    reason    varchar(2000) NOT NULL,
    failed_at timestamp(3)  NOT NULL,
    CONSTRAINT pk_derive_failed PRIMARY KEY (entity, key_value)
);

CREATE UNLOGGED TABLE stg.derive_keys (
    apply_token varchar(36) NOT NULL,
    entity      varchar(63) NOT NULL,
    key_value   bigint      NOT NULL
);
CREATE INDEX ix_stg_derive_keys ON stg.derive_keys (apply_token, entity, key_value);
