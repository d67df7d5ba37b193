SELECT t.team_id AS equipe_id, t.name AS nome, t.region_id AS regiao_id, r.name AS nome_regiao,
       t.manager_name AS nome_gerente, t.source_version AS versao_origem, t.updated_at AS changed_at,
       CASE WHEN t.deleted_at IS NOT NULL OR t.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.incoming_teams n
JOIN stg.teams t ON t.team_id = n.team_id
LEFT JOIN stg.regions r ON r.region_id = t.region_id
WHERE n.apply_token = :token AND n.applies = {true}
