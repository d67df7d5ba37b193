-- ==== regions ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."regions" AS t ("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."region_id", s."name", s."state", s."country", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_regions" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("region_id") DO UPDATE
        SET "name" = EXCLUDED."name", "state" = EXCLUDED."state", "country" = EXCLUDED."country", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."region_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."regions" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_regions" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."region_id" = s."region_id" AND t.source_version < s.source_version
    RETURNING t."region_id" AS key_value),
buried AS (
    INSERT INTO "stg"."regions" ("region_id", source_version, source_deleted, loaded_at)
    SELECT s."region_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_regions" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("region_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== regions replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."regions" AS t ("region_id", "name", "state", "country", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."region_id", s."name", s."state", s."country", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_regions" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("region_id") DO UPDATE
        SET "name" = EXCLUDED."name", "state" = EXCLUDED."state", "country" = EXCLUDED."country", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."region_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."regions" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_regions" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."region_id" = s."region_id" AND t.source_version <= s.source_version
    RETURNING t."region_id" AS key_value),
buried AS (
    INSERT INTO "stg"."regions" ("region_id", source_version, source_deleted, loaded_at)
    SELECT s."region_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_regions" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("region_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== teams ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."teams" AS t ("team_id", "name", "region_id", "manager_name", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."team_id", s."name", s."region_id", s."manager_name", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_teams" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("team_id") DO UPDATE
        SET "name" = EXCLUDED."name", "region_id" = EXCLUDED."region_id", "manager_name" = EXCLUDED."manager_name", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."team_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."teams" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_teams" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."team_id" = s."team_id" AND t.source_version < s.source_version
    RETURNING t."team_id" AS key_value),
buried AS (
    INSERT INTO "stg"."teams" ("team_id", source_version, source_deleted, loaded_at)
    SELECT s."team_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_teams" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("team_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== teams replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."teams" AS t ("team_id", "name", "region_id", "manager_name", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."team_id", s."name", s."region_id", s."manager_name", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_teams" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("team_id") DO UPDATE
        SET "name" = EXCLUDED."name", "region_id" = EXCLUDED."region_id", "manager_name" = EXCLUDED."manager_name", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."team_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."teams" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_teams" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."team_id" = s."team_id" AND t.source_version <= s.source_version
    RETURNING t."team_id" AS key_value),
buried AS (
    INSERT INTO "stg"."teams" ("team_id", source_version, source_deleted, loaded_at)
    SELECT s."team_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_teams" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("team_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== sellers ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."sellers" AS t ("seller_id", "name", "email", "team_id", "is_active", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."seller_id", s."name", s."email", s."team_id", s."is_active", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_sellers" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("seller_id") DO UPDATE
        SET "name" = EXCLUDED."name", "email" = EXCLUDED."email", "team_id" = EXCLUDED."team_id", "is_active" = EXCLUDED."is_active", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."seller_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."sellers" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_sellers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."seller_id" = s."seller_id" AND t.source_version < s.source_version
    RETURNING t."seller_id" AS key_value),
buried AS (
    INSERT INTO "stg"."sellers" ("seller_id", source_version, source_deleted, loaded_at)
    SELECT s."seller_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_sellers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("seller_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== sellers replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."sellers" AS t ("seller_id", "name", "email", "team_id", "is_active", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."seller_id", s."name", s."email", s."team_id", s."is_active", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_sellers" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("seller_id") DO UPDATE
        SET "name" = EXCLUDED."name", "email" = EXCLUDED."email", "team_id" = EXCLUDED."team_id", "is_active" = EXCLUDED."is_active", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."seller_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."sellers" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_sellers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."seller_id" = s."seller_id" AND t.source_version <= s.source_version
    RETURNING t."seller_id" AS key_value),
buried AS (
    INSERT INTO "stg"."sellers" ("seller_id", source_version, source_deleted, loaded_at)
    SELECT s."seller_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_sellers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("seller_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== customers ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."customers" AS t ("customer_id", "name", "email", "customer_type", "city", "state", "region_id", "segment", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."customer_id", s."name", s."email", s."customer_type", s."city", s."state", s."region_id", s."segment", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_customers" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("customer_id") DO UPDATE
        SET "name" = EXCLUDED."name", "email" = EXCLUDED."email", "customer_type" = EXCLUDED."customer_type", "city" = EXCLUDED."city", "state" = EXCLUDED."state", "region_id" = EXCLUDED."region_id", "segment" = EXCLUDED."segment", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."customer_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."customers" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_customers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."customer_id" = s."customer_id" AND t.source_version < s.source_version
    RETURNING t."customer_id" AS key_value),
buried AS (
    INSERT INTO "stg"."customers" ("customer_id", source_version, source_deleted, loaded_at)
    SELECT s."customer_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_customers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("customer_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== customers replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."customers" AS t ("customer_id", "name", "email", "customer_type", "city", "state", "region_id", "segment", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."customer_id", s."name", s."email", s."customer_type", s."city", s."state", s."region_id", s."segment", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_customers" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("customer_id") DO UPDATE
        SET "name" = EXCLUDED."name", "email" = EXCLUDED."email", "customer_type" = EXCLUDED."customer_type", "city" = EXCLUDED."city", "state" = EXCLUDED."state", "region_id" = EXCLUDED."region_id", "segment" = EXCLUDED."segment", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."customer_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."customers" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_customers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."customer_id" = s."customer_id" AND t.source_version <= s.source_version
    RETURNING t."customer_id" AS key_value),
buried AS (
    INSERT INTO "stg"."customers" ("customer_id", source_version, source_deleted, loaded_at)
    SELECT s."customer_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_customers" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("customer_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== categories ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."categories" AS t ("category_id", "name", "parent_id", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."category_id", s."name", s."parent_id", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_categories" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("category_id") DO UPDATE
        SET "name" = EXCLUDED."name", "parent_id" = EXCLUDED."parent_id", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."category_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."categories" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_categories" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."category_id" = s."category_id" AND t.source_version < s.source_version
    RETURNING t."category_id" AS key_value),
buried AS (
    INSERT INTO "stg"."categories" ("category_id", source_version, source_deleted, loaded_at)
    SELECT s."category_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_categories" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("category_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== categories replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."categories" AS t ("category_id", "name", "parent_id", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."category_id", s."name", s."parent_id", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_categories" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("category_id") DO UPDATE
        SET "name" = EXCLUDED."name", "parent_id" = EXCLUDED."parent_id", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."category_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."categories" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_categories" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."category_id" = s."category_id" AND t.source_version <= s.source_version
    RETURNING t."category_id" AS key_value),
buried AS (
    INSERT INTO "stg"."categories" ("category_id", source_version, source_deleted, loaded_at)
    SELECT s."category_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_categories" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("category_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== products ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."products" AS t ("product_id", "sku", "name", "category_id", "brand", "list_price", "unit_cost", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."product_id", s."sku", s."name", s."category_id", s."brand", s."list_price", s."unit_cost", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_products" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("product_id") DO UPDATE
        SET "sku" = EXCLUDED."sku", "name" = EXCLUDED."name", "category_id" = EXCLUDED."category_id", "brand" = EXCLUDED."brand", "list_price" = EXCLUDED."list_price", "unit_cost" = EXCLUDED."unit_cost", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."product_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."products" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_products" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."product_id" = s."product_id" AND t.source_version < s.source_version
    RETURNING t."product_id" AS key_value),
buried AS (
    INSERT INTO "stg"."products" ("product_id", source_version, source_deleted, loaded_at)
    SELECT s."product_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_products" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("product_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== products replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."products" AS t ("product_id", "sku", "name", "category_id", "brand", "list_price", "unit_cost", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."product_id", s."sku", s."name", s."category_id", s."brand", s."list_price", s."unit_cost", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_products" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("product_id") DO UPDATE
        SET "sku" = EXCLUDED."sku", "name" = EXCLUDED."name", "category_id" = EXCLUDED."category_id", "brand" = EXCLUDED."brand", "list_price" = EXCLUDED."list_price", "unit_cost" = EXCLUDED."unit_cost", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."product_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."products" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_products" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."product_id" = s."product_id" AND t.source_version <= s.source_version
    RETURNING t."product_id" AS key_value),
buried AS (
    INSERT INTO "stg"."products" ("product_id", source_version, source_deleted, loaded_at)
    SELECT s."product_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_products" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("product_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== discounts ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."discounts" AS t ("discount_id", "code", "discount_type", "value", "campaign", "starts_at", "ends_at", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."discount_id", s."code", s."discount_type", s."value", s."campaign", s."starts_at", s."ends_at", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_discounts" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("discount_id") DO UPDATE
        SET "code" = EXCLUDED."code", "discount_type" = EXCLUDED."discount_type", "value" = EXCLUDED."value", "campaign" = EXCLUDED."campaign", "starts_at" = EXCLUDED."starts_at", "ends_at" = EXCLUDED."ends_at", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."discount_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."discounts" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_discounts" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."discount_id" = s."discount_id" AND t.source_version < s.source_version
    RETURNING t."discount_id" AS key_value),
buried AS (
    INSERT INTO "stg"."discounts" ("discount_id", source_version, source_deleted, loaded_at)
    SELECT s."discount_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_discounts" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("discount_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== discounts replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."discounts" AS t ("discount_id", "code", "discount_type", "value", "campaign", "starts_at", "ends_at", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."discount_id", s."code", s."discount_type", s."value", s."campaign", s."starts_at", s."ends_at", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_discounts" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("discount_id") DO UPDATE
        SET "code" = EXCLUDED."code", "discount_type" = EXCLUDED."discount_type", "value" = EXCLUDED."value", "campaign" = EXCLUDED."campaign", "starts_at" = EXCLUDED."starts_at", "ends_at" = EXCLUDED."ends_at", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."discount_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."discounts" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_discounts" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."discount_id" = s."discount_id" AND t.source_version <= s.source_version
    RETURNING t."discount_id" AS key_value),
buried AS (
    INSERT INTO "stg"."discounts" ("discount_id", source_version, source_deleted, loaded_at)
    SELECT s."discount_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_discounts" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("discount_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== orders ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."orders" AS t ("order_id", "order_number", "customer_id", "seller_id", "discount_id", "status", "order_date", "channel", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at, "queue_id")
    SELECT s."order_id", s."order_number", s."customer_id", s."seller_id", s."discount_id", s."status", s."order_date", s."channel", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now, :queue_id
    FROM "stg"."incoming_orders" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("order_id") DO UPDATE
        SET "order_number" = EXCLUDED."order_number", "customer_id" = EXCLUDED."customer_id", "seller_id" = EXCLUDED."seller_id", "discount_id" = EXCLUDED."discount_id", "status" = EXCLUDED."status", "order_date" = EXCLUDED."order_date", "channel" = EXCLUDED."channel", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at, "queue_id" = :queue_id
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."order_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."orders" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now, "queue_id" = :queue_id
    FROM "stg"."incoming_orders" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."order_id" = s."order_id" AND t.source_version < s.source_version
    RETURNING t."order_id" AS key_value),
buried AS (
    INSERT INTO "stg"."orders" ("order_id", source_version, source_deleted, loaded_at)
    SELECT s."order_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_orders" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("order_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== orders replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."orders" AS t ("order_id", "order_number", "customer_id", "seller_id", "discount_id", "status", "order_date", "channel", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at, "queue_id")
    SELECT s."order_id", s."order_number", s."customer_id", s."seller_id", s."discount_id", s."status", s."order_date", s."channel", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now, :queue_id
    FROM "stg"."incoming_orders" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("order_id") DO UPDATE
        SET "order_number" = EXCLUDED."order_number", "customer_id" = EXCLUDED."customer_id", "seller_id" = EXCLUDED."seller_id", "discount_id" = EXCLUDED."discount_id", "status" = EXCLUDED."status", "order_date" = EXCLUDED."order_date", "channel" = EXCLUDED."channel", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at, "queue_id" = :queue_id
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."order_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."orders" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now, "queue_id" = :queue_id
    FROM "stg"."incoming_orders" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."order_id" = s."order_id" AND t.source_version <= s.source_version
    RETURNING t."order_id" AS key_value),
buried AS (
    INSERT INTO "stg"."orders" ("order_id", source_version, source_deleted, loaded_at)
    SELECT s."order_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_orders" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("order_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== order_items ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."order_items" AS t ("order_item_id", "order_id", "product_id", "quantity", "unit_price", "unit_cost", "discount_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at, "queue_id")
    SELECT s."order_item_id", s."order_id", s."product_id", s."quantity", s."unit_price", s."unit_cost", s."discount_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now, :queue_id
    FROM "stg"."incoming_order_items" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("order_item_id") DO UPDATE
        SET "order_id" = EXCLUDED."order_id", "product_id" = EXCLUDED."product_id", "quantity" = EXCLUDED."quantity", "unit_price" = EXCLUDED."unit_price", "unit_cost" = EXCLUDED."unit_cost", "discount_amount" = EXCLUDED."discount_amount", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at, "queue_id" = :queue_id
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."order_item_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."order_items" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now, "queue_id" = :queue_id
    FROM "stg"."incoming_order_items" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."order_item_id" = s."order_item_id" AND t.source_version < s.source_version
    RETURNING t."order_item_id" AS key_value),
buried AS (
    INSERT INTO "stg"."order_items" ("order_item_id", source_version, source_deleted, loaded_at)
    SELECT s."order_item_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_order_items" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("order_item_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== order_items replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."order_items" AS t ("order_item_id", "order_id", "product_id", "quantity", "unit_price", "unit_cost", "discount_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at, "queue_id")
    SELECT s."order_item_id", s."order_id", s."product_id", s."quantity", s."unit_price", s."unit_cost", s."discount_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now, :queue_id
    FROM "stg"."incoming_order_items" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("order_item_id") DO UPDATE
        SET "order_id" = EXCLUDED."order_id", "product_id" = EXCLUDED."product_id", "quantity" = EXCLUDED."quantity", "unit_price" = EXCLUDED."unit_price", "unit_cost" = EXCLUDED."unit_cost", "discount_amount" = EXCLUDED."discount_amount", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at, "queue_id" = :queue_id
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."order_item_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."order_items" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now, "queue_id" = :queue_id
    FROM "stg"."incoming_order_items" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."order_item_id" = s."order_item_id" AND t.source_version <= s.source_version
    RETURNING t."order_item_id" AS key_value),
buried AS (
    INSERT INTO "stg"."order_items" ("order_item_id", source_version, source_deleted, loaded_at)
    SELECT s."order_item_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_order_items" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("order_item_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== returns ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."returns" AS t ("return_id", "order_item_id", "quantity", "refund_amount", "status", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."return_id", s."order_item_id", s."quantity", s."refund_amount", s."status", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_returns" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("return_id") DO UPDATE
        SET "order_item_id" = EXCLUDED."order_item_id", "quantity" = EXCLUDED."quantity", "refund_amount" = EXCLUDED."refund_amount", "status" = EXCLUDED."status", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."return_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."returns" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_returns" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."return_id" = s."return_id" AND t.source_version < s.source_version
    RETURNING t."return_id" AS key_value),
buried AS (
    INSERT INTO "stg"."returns" ("return_id", source_version, source_deleted, loaded_at)
    SELECT s."return_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_returns" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("return_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== returns replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."returns" AS t ("return_id", "order_item_id", "quantity", "refund_amount", "status", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."return_id", s."order_item_id", s."quantity", s."refund_amount", s."status", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_returns" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("return_id") DO UPDATE
        SET "order_item_id" = EXCLUDED."order_item_id", "quantity" = EXCLUDED."quantity", "refund_amount" = EXCLUDED."refund_amount", "status" = EXCLUDED."status", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."return_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."returns" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_returns" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."return_id" = s."return_id" AND t.source_version <= s.source_version
    RETURNING t."return_id" AS key_value),
buried AS (
    INSERT INTO "stg"."returns" ("return_id", source_version, source_deleted, loaded_at)
    SELECT s."return_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_returns" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("return_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== sales_targets ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."sales_targets" AS t ("sales_target_id", "seller_id", "year", "month", "target_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."sales_target_id", s."seller_id", s."year", s."month", s."target_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_sales_targets" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("sales_target_id") DO UPDATE
        SET "seller_id" = EXCLUDED."seller_id", "year" = EXCLUDED."year", "month" = EXCLUDED."month", "target_amount" = EXCLUDED."target_amount", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version < EXCLUDED.source_version
    RETURNING t."sales_target_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."sales_targets" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_sales_targets" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."sales_target_id" = s."sales_target_id" AND t.source_version < s.source_version
    RETURNING t."sales_target_id" AS key_value),
buried AS (
    INSERT INTO "stg"."sales_targets" ("sales_target_id", source_version, source_deleted, loaded_at)
    SELECT s."sales_target_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_sales_targets" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("sales_target_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed

-- ==== sales_targets replay ====
-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO "stg"."sales_targets" AS t ("sales_target_id", "seller_id", "year", "month", "target_amount", "created_at", "updated_at", "deleted_at", source_version, source_deleted, loaded_at)
    SELECT s."sales_target_id", s."seller_id", s."year", s."month", s."target_amount", s."created_at", s."updated_at", s."deleted_at", s.source_version, FALSE, :now
    FROM "stg"."incoming_sales_targets" s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ("sales_target_id") DO UPDATE
        SET "seller_id" = EXCLUDED."seller_id", "year" = EXCLUDED."year", "month" = EXCLUDED."month", "target_amount" = EXCLUDED."target_amount", "created_at" = EXCLUDED."created_at", "updated_at" = EXCLUDED."updated_at", "deleted_at" = EXCLUDED."deleted_at", source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version <= EXCLUDED.source_version
    RETURNING t."sales_target_id" AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE "stg"."sales_targets" t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM "stg"."incoming_sales_targets" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t."sales_target_id" = s."sales_target_id" AND t.source_version <= s.source_version
    RETURNING t."sales_target_id" AS key_value),
buried AS (
    INSERT INTO "stg"."sales_targets" ("sales_target_id", source_version, source_deleted, loaded_at)
    SELECT s."sales_target_id", s.source_version, TRUE, :now
    FROM "stg"."incoming_sales_targets" s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ("sales_target_id") DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE TRUE
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed
