-- Facts never orphan: every dimension key the affected facts reference gets a member before the
-- facts are built. A key whose source row has not arrived yet becomes an inferred member (flagged
-- inferido, valid for all time); the real row completes it in place when it lands.
INSERT INTO dim.dim_cliente (cliente_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, {true}, 0, {true}, {false}, :now
FROM (SELECT DISTINCT o.customer_id AS natural_key
      FROM stg.orders o
      WHERE o.order_id IN (SELECT i.order_id FROM stg.order_items i
                           JOIN stg.affected a ON a.key_value = i.order_item_id
                           WHERE a.apply_token = :token AND a.target = 'fact_vendas')
         OR o.order_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_descontos')) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_cliente d WHERE d.cliente_id = k.natural_key);

INSERT INTO dim.dim_vendedor (vendedor_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, {true}, 0, {true}, {false}, :now
FROM (SELECT o.seller_id AS natural_key
      FROM stg.orders o
      WHERE o.order_id IN (SELECT i.order_id FROM stg.order_items i
                           JOIN stg.affected a ON a.key_value = i.order_item_id
                           WHERE a.apply_token = :token AND a.target = 'fact_vendas')
         OR o.order_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_descontos')
      UNION
      SELECT t.seller_id
      FROM stg.sales_targets t
      WHERE t.sales_target_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_metas')) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_vendedor d WHERE d.vendedor_id = k.natural_key);

INSERT INTO dim.dim_produto (produto_id, nome, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', :origin, :end_of_time, {true}, 0, {true}, {false}, :now
FROM (SELECT DISTINCT i.product_id AS natural_key
      FROM stg.order_items i
      JOIN stg.affected a ON a.key_value = i.order_item_id
      WHERE a.apply_token = :token AND a.target = 'fact_vendas') k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_produto d WHERE d.produto_id = k.natural_key);

INSERT INTO dim.dim_desconto (desconto_id, codigo, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', 0, {true}, {false}, :now
FROM (SELECT DISTINCT o.discount_id AS natural_key
      FROM stg.orders o
      WHERE o.order_id IN (SELECT i.order_id FROM stg.order_items i
                           JOIN stg.affected a ON a.key_value = i.order_item_id
                           WHERE a.apply_token = :token AND a.target = 'fact_vendas')
         OR o.order_id IN (SELECT key_value FROM stg.affected WHERE apply_token = :token AND target = 'fact_descontos')) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_desconto d WHERE d.desconto_id = k.natural_key);

INSERT INTO dim.dim_regiao (regiao_id, nome, versao_origem, inferido, excluido, carregado_em)
SELECT k.natural_key, 'Desconhecido', 0, {true}, {false}, :now
FROM (SELECT DISTINCT c.regiao_id AS natural_key
      FROM dim.dim_cliente c
      WHERE c.cliente_id IN (SELECT o.customer_id FROM stg.orders o
                             JOIN stg.order_items i ON i.order_id = o.order_id
                             JOIN stg.affected a ON a.key_value = i.order_item_id
                             WHERE a.apply_token = :token AND a.target = 'fact_vendas')) k
WHERE k.natural_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim.dim_regiao d WHERE d.regiao_id = k.natural_key)
