-- ==== statement 1 of 5 ====
-- Facts never orphan: every dimension key the affected facts reference gets a member before the
-- facts are built. A key whose source row has not arrived yet becomes an inferred member (flagged
-- inferido, valid for all time); the real row completes it in place when it lands.
INSERT INTO dim.dim_cliente (cliente_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, 1, 0, 1, 0, :now
FROM (SELECT DISTINCT o.customer_id AS natural_key
      FROM (-- The orders whose facts this batch re-derives: those of the affected order items, and those whose
-- discount facts are affected. Embedded as the affected_orders placeholder; the statements that use it start from it
-- and reach the mirror by key, so their cost follows the batch, not the size of the warehouse.
SELECT i.order_id
FROM stg.affected a
JOIN stg.order_items i ON i.order_item_id = a.key_value
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_vendas'
UNION
SELECT a.key_value
FROM stg.affected a
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_descontos') ao
      JOIN stg.orders o ON o.order_id = ao.order_id) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_cliente d WHERE d.cliente_id = k.natural_key);

-- ==== statement 2 of 5 ====
INSERT INTO dim.dim_vendedor (vendedor_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, 1, 0, 1, 0, :now
FROM (SELECT o.seller_id AS natural_key
      FROM (-- The orders whose facts this batch re-derives: those of the affected order items, and those whose
-- discount facts are affected. Embedded as the affected_orders placeholder; the statements that use it start from it
-- and reach the mirror by key, so their cost follows the batch, not the size of the warehouse.
SELECT i.order_id
FROM stg.affected a
JOIN stg.order_items i ON i.order_item_id = a.key_value
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_vendas'
UNION
SELECT a.key_value
FROM stg.affected a
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_descontos') ao
      JOIN stg.orders o ON o.order_id = ao.order_id
      UNION
      SELECT t.seller_id
      FROM stg.affected a
      JOIN stg.sales_targets t ON t.sales_target_id = a.key_value
      WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_metas') k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_vendedor d WHERE d.vendedor_id = k.natural_key);

-- ==== statement 3 of 5 ====
INSERT INTO dim.dim_produto (produto_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, 1, 0, 1, 0, :now
FROM (SELECT DISTINCT i.product_id AS natural_key
      FROM stg.affected a
      JOIN stg.order_items i ON i.order_item_id = a.key_value
      WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_vendas') k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_produto d WHERE d.produto_id = k.natural_key);

-- ==== statement 4 of 5 ====
INSERT INTO dim.dim_desconto (desconto_id, codigo, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', 0, 1, 0, :now
FROM (SELECT DISTINCT o.discount_id AS natural_key
      FROM (-- The orders whose facts this batch re-derives: those of the affected order items, and those whose
-- discount facts are affected. Embedded as the affected_orders placeholder; the statements that use it start from it
-- and reach the mirror by key, so their cost follows the batch, not the size of the warehouse.
SELECT i.order_id
FROM stg.affected a
JOIN stg.order_items i ON i.order_item_id = a.key_value
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_vendas'
UNION
SELECT a.key_value
FROM stg.affected a
WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_descontos') ao
      JOIN stg.orders o ON o.order_id = ao.order_id) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_desconto d WHERE d.desconto_id = k.natural_key);

-- ==== statement 5 of 5 ====
INSERT INTO dim.dim_regiao (regiao_id, nome, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', 0, 1, 0, :now
FROM (SELECT DISTINCT c.regiao_id AS natural_key
      FROM (SELECT DISTINCT o.customer_id
            FROM stg.affected a
            JOIN stg.order_items i ON i.order_item_id = a.key_value
            JOIN stg.orders o ON o.order_id = i.order_id
            WHERE a.apply_token = CAST(:token AS VARCHAR(36)) AND a.target = 'fact_vendas') ac
      JOIN dim.dim_cliente c ON c.cliente_id = ac.customer_id) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_regiao d WHERE d.regiao_id = k.natural_key);
