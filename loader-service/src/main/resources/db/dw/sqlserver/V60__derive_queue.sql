-- Land, then derive (see db/dw/postgresql/V60__derive_queue.sql, the reference, and
-- docs/adr/0006-land-then-derive.md). Lock escalation is off on the tables that landers and the
-- deriver write at the same time, so a lander's thousands of row locks never become a table lock
-- that the deriver waits for while it holds locks the lander needs (and the reverse).

CREATE TABLE ctl.derive_queue (
    queue_id  bigint IDENTITY(1, 1) NOT NULL,
    entity    nvarchar(63)  NOT NULL,
    key_value bigint        NOT NULL,
    queued_at datetime2(3)  NOT NULL DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_derive_queue PRIMARY KEY (queue_id)
);
ALTER TABLE ctl.derive_queue SET (LOCK_ESCALATION = DISABLE);

CREATE TABLE ctl.derive_failed (
    entity    nvarchar(63)   NOT NULL,
    key_value bigint         NOT NULL,
    reason    nvarchar(2000) NOT NULL,
    failed_at datetime2(3)   NOT NULL,
    CONSTRAINT pk_derive_failed PRIMARY KEY (entity, key_value)
);

CREATE TABLE stg.derive_keys (
    apply_token varchar(36)  NOT NULL,
    entity      nvarchar(63) NOT NULL,
    key_value   bigint       NOT NULL
);
CREATE INDEX ix_stg_derive_keys ON stg.derive_keys (apply_token, entity, key_value);
ALTER TABLE stg.derive_keys SET (LOCK_ESCALATION = DISABLE);

ALTER TABLE stg.incoming_regions SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_teams SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_sellers SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_customers SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_categories SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_products SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_discounts SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_orders SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_order_items SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_returns SET (LOCK_ESCALATION = DISABLE);
ALTER TABLE stg.incoming_sales_targets SET (LOCK_ESCALATION = DISABLE);
