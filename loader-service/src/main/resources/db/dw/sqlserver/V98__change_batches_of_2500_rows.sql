-- Change batches of 2,500 rows by default instead of 5,000: why, in db/dw/postgresql/V98__change_batches_of_2500_rows.sql.
-- V6 declared the column's default without a name, so SQL Server named it; it is found and dropped by that name
-- (one default per column), and the new one is named.
DECLARE @drop_default nvarchar(400) = N'ALTER TABLE ctl.etl_control DROP CONSTRAINT ' + QUOTENAME(
    (SELECT dc.name
     FROM sys.default_constraints dc
     JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id
     WHERE dc.parent_object_id = OBJECT_ID(N'ctl.etl_control') AND c.name = N'batch_size'));
EXEC sp_executesql @drop_default;
ALTER TABLE ctl.etl_control ADD CONSTRAINT df_etl_control_batch_size DEFAULT 2500 FOR batch_size;
UPDATE ctl.etl_control SET batch_size = 2500 WHERE batch_size = 5000;
