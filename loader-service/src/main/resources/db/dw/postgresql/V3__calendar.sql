-- The calendar: the unknown date 0 and one row per day from ${calendarFrom} to ${calendarTo}
-- (Flyway placeholders calendarFrom/calendarTo, ISO dates; defaults 2015-01-01 and 2035-12-31).
-- The loader adds days outside the range when a fact needs them, with the same rules.

INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana)
VALUES (0, NULL, NULL, NULL, NULL, NULL, NULL, 'Desconhecido', 'Desconhecido', NULL);

INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes, nome_dia_semana, fim_de_semana)
SELECT CAST(to_char(c.d, 'YYYYMMDD') AS integer),
       c.d,
       EXTRACT(YEAR FROM c.d),
       EXTRACT(QUARTER FROM c.d),
       EXTRACT(MONTH FROM c.d),
       EXTRACT(DAY FROM c.d),
       EXTRACT(ISODOW FROM c.d),
       CASE CAST(EXTRACT(MONTH FROM c.d) AS integer)
           WHEN 1 THEN 'Janeiro' WHEN 2 THEN 'Fevereiro' WHEN 3 THEN 'Março' WHEN 4 THEN 'Abril'
           WHEN 5 THEN 'Maio' WHEN 6 THEN 'Junho' WHEN 7 THEN 'Julho' WHEN 8 THEN 'Agosto'
           WHEN 9 THEN 'Setembro' WHEN 10 THEN 'Outubro' WHEN 11 THEN 'Novembro' ELSE 'Dezembro'
       END,
       CASE CAST(EXTRACT(ISODOW FROM c.d) AS integer)
           WHEN 1 THEN 'Segunda-feira' WHEN 2 THEN 'Terça-feira' WHEN 3 THEN 'Quarta-feira'
           WHEN 4 THEN 'Quinta-feira' WHEN 5 THEN 'Sexta-feira' WHEN 6 THEN 'Sábado' ELSE 'Domingo'
       END,
       EXTRACT(ISODOW FROM c.d) >= 6
FROM (
    SELECT DATE '${calendarFrom}' + n AS d
    FROM generate_series(0, DATE '${calendarTo}' - DATE '${calendarFrom}') AS g(n)
) AS c;
