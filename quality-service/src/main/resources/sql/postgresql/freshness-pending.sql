-- Changes of one entity that the DW has not got yet: live rows and hard-delete tombstones after the
-- point the loader has applied (:watermark_version, :watermark_key, read from the DW mirror
-- stg.<table>) in change order, compared as the extractor compares them (row_version is xid8; the
-- mirror stores it as bigint). pending counts them, oldest is the earliest change time among them
-- (the DW's lag), overdue counts those made before :sla_cutoff.
SELECT COUNT(*) AS pending,
       MIN(p.changed_at) AS oldest,
       SUM(CASE WHEN p.changed_at < :sla_cutoff THEN 1 ELSE 0 END) AS overdue
FROM (
    SELECT t.updated_at AS changed_at
    FROM {table} t
    WHERE (t.{version}, t.{key}) > (CAST(CAST(:watermark_version AS text) AS xid8), :watermark_key)
    UNION ALL
    SELECT d.deleted_at
    FROM {tombstones} d
    WHERE d.table_name = :table_name
      AND (d.row_version, d.row_key) > (CAST(CAST(:watermark_version AS text) AS xid8), :watermark_key)
) p
