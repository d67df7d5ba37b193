-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference.
-- bi_reader: the read-only database role of the BI users, allowed to read dim, fact and mart only.
-- Schema-level grants cover the tables and views added later. Add users with
-- ALTER ROLE bi_reader ADD MEMBER some_analyst.
IF DATABASE_PRINCIPAL_ID(N'bi_reader') IS NULL
    EXEC(N'CREATE ROLE bi_reader');
GO
GRANT SELECT ON SCHEMA::dim TO bi_reader;
GRANT SELECT ON SCHEMA::fact TO bi_reader;
GRANT SELECT ON SCHEMA::mart TO bi_reader;
GO
