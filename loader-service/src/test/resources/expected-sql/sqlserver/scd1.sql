-- ==== regions, regions replay ====
-- SCD1: one row per member, overwritten in place; completes an inferred member; flags deletions.
MERGE INTO dim.[dim_regiao] d
USING (SELECT r.region_id AS regiao_id, r.name AS nome, r.state AS estado, r.country AS pais,
       r.source_version AS versao_origem, r.updated_at AS changed_at,
       CASE WHEN r.deleted_at IS NOT NULL OR r.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_regions n
JOIN stg.regions r ON r.region_id = n.region_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[regiao_id] = s.[regiao_id])
WHEN MATCHED THEN
    UPDATE SET [nome] = s.[nome], [estado] = s.[estado], [pais] = s.[pais], versao_origem = s.versao_origem, inferido = 0, excluido = s.excluido,
        carregado_em = :now
WHEN NOT MATCHED THEN
    INSERT ([regiao_id], [nome], [estado], [pais], versao_origem, inferido, excluido, carregado_em)
    VALUES (s.[regiao_id], s.[nome], s.[estado], s.[pais], s.versao_origem, 0, s.excluido, :now);

-- ==== teams, teams replay ====
-- SCD1: one row per member, overwritten in place; completes an inferred member; flags deletions.
MERGE INTO dim.[dim_equipe] d
USING (SELECT t.team_id AS equipe_id, t.name AS nome, t.region_id AS regiao_id, r.name AS nome_regiao,
       t.manager_name AS nome_gerente, t.source_version AS versao_origem, t.updated_at AS changed_at,
       CASE WHEN t.deleted_at IS NOT NULL OR t.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_teams n
JOIN stg.teams t ON t.team_id = n.team_id
LEFT JOIN stg.regions r ON r.region_id = t.region_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[equipe_id] = s.[equipe_id])
WHEN MATCHED THEN
    UPDATE SET [nome] = s.[nome], [regiao_id] = s.[regiao_id], [nome_regiao] = s.[nome_regiao], [nome_gerente] = s.[nome_gerente], versao_origem = s.versao_origem, inferido = 0, excluido = s.excluido,
        carregado_em = :now
WHEN NOT MATCHED THEN
    INSERT ([equipe_id], [nome], [regiao_id], [nome_regiao], [nome_gerente], versao_origem, inferido, excluido, carregado_em)
    VALUES (s.[equipe_id], s.[nome], s.[regiao_id], s.[nome_regiao], s.[nome_gerente], s.versao_origem, 0, s.excluido, :now);

-- ==== discounts, discounts replay ====
-- SCD1: one row per member, overwritten in place; completes an inferred member; flags deletions.
MERGE INTO dim.[dim_desconto] d
USING (SELECT d.discount_id AS desconto_id, d.code AS codigo, d.discount_type AS tipo_desconto, d.value AS valor,
       d.campaign AS campanha, d.starts_at AS inicio, d.ends_at AS fim, d.source_version AS versao_origem,
       d.updated_at AS changed_at,
       CASE WHEN d.deleted_at IS NOT NULL OR d.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_discounts n
JOIN stg.discounts d ON d.discount_id = n.discount_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[desconto_id] = s.[desconto_id])
WHEN MATCHED THEN
    UPDATE SET [codigo] = s.[codigo], [tipo_desconto] = s.[tipo_desconto], [valor] = s.[valor], [campanha] = s.[campanha], [inicio] = s.[inicio], [fim] = s.[fim], versao_origem = s.versao_origem, inferido = 0, excluido = s.excluido,
        carregado_em = :now
WHEN NOT MATCHED THEN
    INSERT ([desconto_id], [codigo], [tipo_desconto], [valor], [campanha], [inicio], [fim], versao_origem, inferido, excluido, carregado_em)
    VALUES (s.[desconto_id], s.[codigo], s.[tipo_desconto], s.[valor], s.[campanha], s.[inicio], s.[fim], s.versao_origem, 0, s.excluido, :now);
