SELECT c.customer_id AS cliente_id, c.name AS nome, c.email AS email, c.customer_type AS tipo_cliente,
       c.city AS cidade, c.state AS estado, c.region_id AS regiao_id, c.segment AS segmento,
       c.source_version AS versao_origem, c.updated_at AS changed_at,
       CASE WHEN c.deleted_at IS NOT NULL OR c.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.incoming_customers n
JOIN stg.customers c ON c.customer_id = n.customer_id
WHERE n.apply_token = :token AND n.applies = {true}
