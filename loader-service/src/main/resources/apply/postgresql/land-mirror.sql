-- land.sql for a mirror entity (mirror: true; docs/adr/0015-mirror-tables.md): the same upsert, version
-- guard and tombstones, into raw.<entity>, and no derive queue: nothing is derived from a mirror.
WITH live AS (
    INSERT INTO {stg} AS t ({columns}, source_version, source_deleted, loaded_at)
    SELECT {s_columns}, s.source_version, FALSE, :now
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ({key}) DO UPDATE
        SET {set_excluded}, source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version {guard} EXCLUDED.source_version
    RETURNING t.{key} AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE {stg} t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t.{key} = s.{key} AND t.source_version {guard} s.source_version
    RETURNING t.{key} AS key_value),
buried AS (
    INSERT INTO {stg} ({key}, source_version, source_deleted, loaded_at)
    SELECT s.{key}, s.source_version, TRUE, :now
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ({key}) DO NOTHING)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed
