-- ==== statement 1 of 3 ====
-- Creates a mirror entity's table raw.<entity> and its work table stg.incoming_<entity> from the column
-- types of its first batch (MirrorTables; docs/adr/0015-mirror-tables.md). Every source column is
-- nullable here but the key: a hard delete of a key never seen leaves the key alone, as in stg.*. The
-- bookkeeping columns are those of the staging mirror, so landing is land.sql over these names.
CREATE TABLE "raw"."payments" (
    "payment_id" bigint NOT NULL,
    "amount" numeric(12,2),
    source_version bigint NOT NULL,
    source_deleted boolean NOT NULL DEFAULT FALSE,
    loaded_at timestamp(3) NOT NULL,
    CONSTRAINT "pk_raw_payments" PRIMARY KEY ("payment_id"))

-- ==== statement 2 of 3 ====
CREATE UNLOGGED TABLE "stg"."incoming_payments" (
    "payment_id" bigint NOT NULL,
    "amount" numeric(12,2),
    source_version bigint NOT NULL,
    source_deleted boolean NOT NULL DEFAULT FALSE,
    apply_token varchar(36) NOT NULL,
    applies boolean NOT NULL DEFAULT FALSE)

-- ==== statement 3 of 3 ====
CREATE INDEX "ix_stg_incoming_payments_token" ON "stg"."incoming_payments" (apply_token)
