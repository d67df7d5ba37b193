SELECT r.region_id AS regiao_id, r.name AS nome, r.state AS estado, r.country AS pais,
       r.source_version AS versao_origem, r.updated_at AS changed_at,
       CASE WHEN r.deleted_at IS NOT NULL OR r.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.regions r
WHERE r.region_id IN (SELECT region_id FROM stg.incoming_regions WHERE apply_token = :token AND applies = {true})
