-- Changes of one entity that the DW has not got yet: live rows and hard-delete tombstones after the
-- point the loader has applied (:watermark_version, :watermark_key, read from the DW mirror
-- stg.<table>) in change order. row_version is rowversion (binary(8), compared as an unsigned
-- big-endian number); the mirror stores it as bigint. pending counts them, oldest is the earliest
-- change time among them (the DW's lag), overdue counts those made before :sla_cutoff.
SELECT COUNT(*) AS pending,
       MIN(p.changed_at) AS oldest,
       SUM(CASE WHEN p.changed_at < :sla_cutoff THEN 1 ELSE 0 END) AS overdue
FROM (
    SELECT t.updated_at AS changed_at
    FROM {table} t
    WHERE t.{version} > CAST(:watermark_version AS binary(8))
       OR (t.{version} = CAST(:watermark_version AS binary(8)) AND t.{key} > :watermark_key)
    UNION ALL
    SELECT d.deleted_at
    FROM {tombstones} d
    WHERE d.table_name = :table_name
      AND (d.row_version > CAST(:watermark_version AS binary(8))
           OR (d.row_version = CAST(:watermark_version AS binary(8)) AND d.row_key > :watermark_key))
) p
