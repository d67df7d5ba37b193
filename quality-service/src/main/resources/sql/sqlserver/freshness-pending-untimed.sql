-- Changes of one entity without a change time (no updated_at) that the DW has not got yet: live rows and
-- hard-delete tombstones after the point the loader has applied (:watermark_version, :watermark_key, read
-- from the entity's DW mirror) in change order. row_version is rowversion (binary(8), compared as an
-- unsigned big-endian number); the mirror stores it as bigint. pending counts them, newest_version is the
-- newest change order among them, seen counts those at or before :seen_version (the newest one pending
-- when the check first saw changes pending; 0: none seen).
SELECT COUNT(*) AS pending,
       MAX(p.version) AS newest_version,
       SUM(CASE WHEN p.version <= :seen_version THEN 1 ELSE 0 END) AS seen
FROM (
    SELECT CAST(t.{version} AS bigint) AS version
    FROM {table} t
    WHERE t.{version} > CAST(:watermark_version AS binary(8))
       OR (t.{version} = CAST(:watermark_version AS binary(8)) AND t.{key} > :watermark_key)
    UNION ALL
    SELECT CAST(d.row_version AS bigint)
    FROM {tombstones} d
    WHERE d.table_name = :table_name
      AND (d.row_version > CAST(:watermark_version AS binary(8))
           OR (d.row_version = CAST(:watermark_version AS binary(8)) AND d.row_key > :watermark_key))
) p
