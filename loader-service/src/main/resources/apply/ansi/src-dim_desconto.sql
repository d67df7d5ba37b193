SELECT d.discount_id AS desconto_id, d.code AS codigo, d.discount_type AS tipo_desconto, d.value AS valor,
       d.campaign AS campanha, d.starts_at AS inicio, d.ends_at AS fim, d.source_version AS versao_origem,
       d.updated_at AS changed_at,
       CASE WHEN d.deleted_at IS NOT NULL OR d.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.incoming_discounts n
JOIN stg.discounts d ON d.discount_id = n.discount_id
WHERE n.apply_token = :token AND n.applies = {true}
