SELECT r.region_id AS regiao_id, r.name AS nome, r.state AS estado, r.country AS pais,
       r.source_version AS versao_origem, r.updated_at AS changed_at,
       CASE WHEN r.deleted_at IS NOT NULL OR r.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.incoming_regions n
JOIN stg.regions r ON r.region_id = n.region_id
WHERE n.apply_token = :token AND n.applies = {true}
