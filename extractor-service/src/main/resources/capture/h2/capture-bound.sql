-- H2 has no "oldest open transaction" (see capture-page.sql): the bound is the end of change order,
-- and the page reads what is committed now.
SELECT CAST(9223372036854775807 AS BIGINT)
