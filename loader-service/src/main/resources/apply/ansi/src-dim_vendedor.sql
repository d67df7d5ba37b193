SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.incoming_sellers n
JOIN stg.sellers s ON s.seller_id = n.seller_id
LEFT JOIN stg.teams t ON t.team_id = s.team_id
WHERE n.apply_token = :token AND n.applies = {true}
