SELECT p.product_id AS produto_id, p.sku AS sku, p.name AS nome, p.category_id AS categoria_id,
       c.name AS nome_categoria, pc.name AS nome_categoria_pai, p.brand AS marca, p.list_price AS preco_lista,
       p.unit_cost AS custo_unitario, p.source_version AS versao_origem, p.updated_at AS changed_at,
       CASE WHEN p.deleted_at IS NOT NULL OR p.source_deleted = {true} THEN {true} ELSE {false} END AS excluido
FROM stg.incoming_products n
JOIN stg.products p ON p.product_id = n.product_id
LEFT JOIN stg.categories c ON c.category_id = p.category_id
LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
WHERE n.apply_token = :token AND n.applies = {true}
