-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference.
-- quality_reader: what the quality service's checks read, and nothing they could write with: SELECT on
-- dim, fact, mart, stg, ctl and audit, and every change of data or schema and every EXECUTE denied on
-- them, so that membership of a role that grants more (db_datawriter) cannot give it back. The service
-- writes its results and alerts with another login (esteira.dw.*). Add the login of
-- esteira.dw.reader.username: ALTER ROLE quality_reader ADD MEMBER esteira_quality_reader.
IF DATABASE_PRINCIPAL_ID(N'quality_reader') IS NULL
    EXEC(N'CREATE ROLE quality_reader');
GO
GRANT SELECT ON SCHEMA::dim TO quality_reader;
GRANT SELECT ON SCHEMA::fact TO quality_reader;
GRANT SELECT ON SCHEMA::mart TO quality_reader;
GRANT SELECT ON SCHEMA::stg TO quality_reader;
GRANT SELECT ON SCHEMA::ctl TO quality_reader;
GRANT SELECT ON SCHEMA::audit TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::dim TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::fact TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::mart TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::stg TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::ctl TO quality_reader;
DENY INSERT, UPDATE, DELETE, ALTER, EXECUTE ON SCHEMA::audit TO quality_reader;
DENY CREATE TABLE, CREATE VIEW, CREATE PROCEDURE, CREATE FUNCTION TO quality_reader;
GO
