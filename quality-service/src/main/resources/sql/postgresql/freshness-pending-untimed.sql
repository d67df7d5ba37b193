-- Changes of one entity without a change time (no updated_at) that the DW has not got yet: live rows and
-- hard-delete tombstones after the point the loader has applied (:watermark_version, :watermark_key, read
-- from the entity's DW mirror) in change order, compared as the extractor compares them (row_version is
-- xid8; the mirror stores it as bigint). pending counts them, newest_version is the newest change order
-- among them, seen counts those at or before :seen_version (the newest one pending when the check first saw
-- changes pending; 0: none seen).
SELECT COUNT(*) AS pending,
       MAX(p.version) AS newest_version,
       SUM(CASE WHEN p.version <= :seen_version THEN 1 ELSE 0 END) AS seen
FROM (
    SELECT CAST(CAST(t.{version} AS text) AS bigint) AS version
    FROM {table} t
    WHERE (t.{version}, t.{key}) > (CAST(CAST(:watermark_version AS text) AS xid8), :watermark_key)
    UNION ALL
    SELECT CAST(CAST(d.row_version AS text) AS bigint)
    FROM {tombstones} d
    WHERE d.table_name = :table_name
      AND (d.row_version, d.row_key) > (CAST(CAST(:watermark_version AS text) AS xid8), :watermark_key)
) p
