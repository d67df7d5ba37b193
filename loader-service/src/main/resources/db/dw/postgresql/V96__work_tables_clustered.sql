-- db/dw/sqlserver/V96__work_tables_clustered.sql turns SQL Server's work tables from heaps into
-- clustered indexes, so that the pages their per-token DELETEs empty are given back. PostgreSQL has
-- nothing to change: its tables are heaps whose dead rows a vacuum reclaims (the deriver vacuums the
-- work tables, BatchApplier.vacuumWorkTables), batches land in temporary tables of their sessions, and
-- large derive passes TRUNCATE what they wrote (apply/postgresql/derive-cleanup-large.sql).
SELECT 1;
