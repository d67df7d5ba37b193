-- Esteira warehouse, SQL Server 2022. Follows db/dw/postgresql, the reference.
-- The calendar: the unknown date 0 and one row per day from ${calendarFrom} to ${calendarTo}
-- (Flyway placeholders calendarFrom/calendarTo, ISO dates; defaults 2015-01-01 and 2035-12-31).
-- The loader adds days outside the range when a fact needs them, with the same rules.
-- The ISO weekday is counted from 1900-01-01, a Monday, so it does not depend on SET DATEFIRST;
-- the day numbers are the first rows of a cross join of digits (up to 1,000,000 days).

INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana)
VALUES (0, NULL, NULL, NULL, NULL, NULL, NULL, N'Desconhecido', N'Desconhecido', NULL);

DECLARE @from date = CONVERT(date, '${calendarFrom}', 23);
DECLARE @to date = CONVERT(date, '${calendarTo}', 23);

WITH digits AS (
    SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS v(n)
),
numbers AS (
    SELECT TOP (DATEDIFF(DAY, @from, @to) + 1) CAST(ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) - 1 AS int) AS n
    FROM digits a CROSS JOIN digits b CROSS JOIN digits c CROSS JOIN digits d CROSS JOIN digits e CROSS JOIN digits f
),
calendar AS (
    SELECT DATEADD(DAY, n, @from) AS d,
           DATEDIFF(DAY, CONVERT(date, '1900-01-01', 23), DATEADD(DAY, n, @from)) % 7 + 1 AS dow
    FROM numbers
)
INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana)
SELECT YEAR(d) * 10000 + MONTH(d) * 100 + DAY(d),
       d,
       YEAR(d),
       DATEPART(QUARTER, d),
       MONTH(d),
       DAY(d),
       dow,
       CASE MONTH(d)
           WHEN 1 THEN N'Janeiro' WHEN 2 THEN N'Fevereiro' WHEN 3 THEN N'Março' WHEN 4 THEN N'Abril'
           WHEN 5 THEN N'Maio' WHEN 6 THEN N'Junho' WHEN 7 THEN N'Julho' WHEN 8 THEN N'Agosto'
           WHEN 9 THEN N'Setembro' WHEN 10 THEN N'Outubro' WHEN 11 THEN N'Novembro' ELSE N'Dezembro'
       END,
       CASE dow
           WHEN 1 THEN N'Segunda-feira' WHEN 2 THEN N'Terça-feira' WHEN 3 THEN N'Quarta-feira'
           WHEN 4 THEN N'Quinta-feira' WHEN 5 THEN N'Sexta-feira' WHEN 6 THEN N'Sábado' ELSE N'Domingo'
       END,
       CASE WHEN dow >= 6 THEN 1 ELSE 0 END
FROM calendar;
GO
