-- ==== sellers, sellers replay: statement 1 of 6 ====
-- SCD2, step 0: facts that point at an inferred member about to be completed are re-derived too, since
-- what they copy from the member (the customer's region, say) was unknown when they were built.
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT CAST(:token AS VARCHAR(36)), 'dim_vendedor:completed', s.[vendedor_id], :origin
FROM (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_sellers n
JOIN stg.sellers s ON s.seller_id = n.seller_id
LEFT JOIN stg.teams t ON t.team_id = s.team_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
JOIN dim.[dim_vendedor] d ON d.[vendedor_id] = s.[vendedor_id] AND d.inferido = 1;

-- ==== sellers, sellers replay: statement 2 of 6 ====
-- SCD2, step 1: an inferred member (created for a fact that arrived first) is completed in place.
MERGE INTO dim.[dim_vendedor] d
USING (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_sellers n
JOIN stg.sellers s ON s.seller_id = n.seller_id
LEFT JOIN stg.teams t ON t.team_id = s.team_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[vendedor_id] = s.[vendedor_id] AND d.inferido = 1)
WHEN MATCHED THEN
    UPDATE SET [nome] = s.[nome], [email] = s.[email], [equipe_id] = s.[equipe_id], [nome_equipe] = s.[nome_equipe], [ativo] = s.[ativo], versao_origem = s.versao_origem, inferido = 0, excluido = s.excluido,
        carregado_em = :now;

-- ==== sellers, sellers replay: statement 3 of 6 ====
-- Step 2: members whose tracked attributes changed get a new version from the source's change
-- time (strictly after the current version's start, so intervals stay ordered and non-empty).
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT CAST(:token AS VARCHAR(36)), 'dim_vendedor', s.[vendedor_id], CASE WHEN s.changed_at > d.valido_de THEN s.changed_at ELSE DATEADD(millisecond, 1, d.valido_de) END
FROM (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_sellers n
JOIN stg.sellers s ON s.seller_id = n.seller_id
LEFT JOIN stg.teams t ON t.team_id = s.team_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
JOIN dim.[dim_vendedor] d ON d.[vendedor_id] = s.[vendedor_id] AND d.atual = 1 AND d.inferido = 0
WHERE d.[equipe_id] IS DISTINCT FROM s.[equipe_id];

-- ==== sellers, sellers replay: statement 4 of 6 ====
-- Step 3: close the current versions of those members.
MERGE INTO dim.[dim_vendedor] d
USING (SELECT natural_key, valido_de FROM stg.scd_change WHERE apply_token = CAST(:token AS VARCHAR(36)) AND dimension = 'dim_vendedor') c
ON (d.[vendedor_id] = c.natural_key AND d.atual = 1)
WHEN MATCHED THEN
    UPDATE SET valido_ate = c.valido_de, atual = 0, carregado_em = :now;

-- ==== sellers, sellers replay: statement 5 of 6 ====
-- Step 4: insert the new versions, and first versions of new members (valid from :origin, so
-- facts older than the member's creation still resolve).
INSERT INTO dim.[dim_vendedor] ([vendedor_id], [nome], [email], [equipe_id], [nome_equipe], [ativo], valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT s.[vendedor_id], s.[nome], s.[email], s.[equipe_id], s.[nome_equipe], s.[ativo], COALESCE(c.valido_de, :origin), :end_of_time, 1, s.versao_origem, 0, s.excluido, :now
FROM (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_sellers n
JOIN stg.sellers s ON s.seller_id = n.seller_id
LEFT JOIN stg.teams t ON t.team_id = s.team_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
LEFT JOIN stg.scd_change c ON c.apply_token = CAST(:token AS VARCHAR(36)) AND c.dimension = 'dim_vendedor' AND c.natural_key = s.[vendedor_id]
WHERE c.natural_key IS NOT NULL OR NOT EXISTS (SELECT 1 FROM dim.[dim_vendedor] d WHERE d.[vendedor_id] = s.[vendedor_id]);

-- ==== sellers, sellers replay: statement 6 of 6 ====
-- Step 5: untracked attributes and the deletion flag hold for every version (SCD1 behaviour).
MERGE INTO dim.[dim_vendedor] d
USING (SELECT s.seller_id AS vendedor_id, s.name AS nome, s.email AS email, s.team_id AS equipe_id,
       t.name AS nome_equipe, s.is_active AS ativo, s.source_version AS versao_origem, s.updated_at AS changed_at,
       CASE WHEN s.deleted_at IS NOT NULL OR s.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_sellers n
JOIN stg.sellers s ON s.seller_id = n.seller_id
LEFT JOIN stg.teams t ON t.team_id = s.team_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[vendedor_id] = s.[vendedor_id])
WHEN MATCHED THEN
    UPDATE SET [nome] = s.[nome], [email] = s.[email], [ativo] = s.[ativo], versao_origem = s.versao_origem, excluido = s.excluido, carregado_em = :now;

-- ==== customers, customers replay: statement 1 of 6 ====
-- SCD2, step 0: facts that point at an inferred member about to be completed are re-derived too, since
-- what they copy from the member (the customer's region, say) was unknown when they were built.
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT CAST(:token AS VARCHAR(36)), 'dim_cliente:completed', s.[cliente_id], :origin
FROM (SELECT c.customer_id AS cliente_id, c.name AS nome, c.email AS email, c.customer_type AS tipo_cliente,
       c.city AS cidade, c.state AS estado, c.region_id AS regiao_id, c.segment AS segmento,
       c.source_version AS versao_origem, c.updated_at AS changed_at,
       CASE WHEN c.deleted_at IS NOT NULL OR c.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_customers n
JOIN stg.customers c ON c.customer_id = n.customer_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
JOIN dim.[dim_cliente] d ON d.[cliente_id] = s.[cliente_id] AND d.inferido = 1;

-- ==== customers, customers replay: statement 2 of 6 ====
-- SCD2, step 1: an inferred member (created for a fact that arrived first) is completed in place.
MERGE INTO dim.[dim_cliente] d
USING (SELECT c.customer_id AS cliente_id, c.name AS nome, c.email AS email, c.customer_type AS tipo_cliente,
       c.city AS cidade, c.state AS estado, c.region_id AS regiao_id, c.segment AS segmento,
       c.source_version AS versao_origem, c.updated_at AS changed_at,
       CASE WHEN c.deleted_at IS NOT NULL OR c.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_customers n
JOIN stg.customers c ON c.customer_id = n.customer_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[cliente_id] = s.[cliente_id] AND d.inferido = 1)
WHEN MATCHED THEN
    UPDATE SET [nome] = s.[nome], [email] = s.[email], [tipo_cliente] = s.[tipo_cliente], [cidade] = s.[cidade], [estado] = s.[estado], [regiao_id] = s.[regiao_id], [segmento] = s.[segmento], versao_origem = s.versao_origem, inferido = 0, excluido = s.excluido,
        carregado_em = :now;

-- ==== customers, customers replay: statement 3 of 6 ====
-- Step 2: members whose tracked attributes changed get a new version from the source's change
-- time (strictly after the current version's start, so intervals stay ordered and non-empty).
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT CAST(:token AS VARCHAR(36)), 'dim_cliente', s.[cliente_id], CASE WHEN s.changed_at > d.valido_de THEN s.changed_at ELSE DATEADD(millisecond, 1, d.valido_de) END
FROM (SELECT c.customer_id AS cliente_id, c.name AS nome, c.email AS email, c.customer_type AS tipo_cliente,
       c.city AS cidade, c.state AS estado, c.region_id AS regiao_id, c.segment AS segmento,
       c.source_version AS versao_origem, c.updated_at AS changed_at,
       CASE WHEN c.deleted_at IS NOT NULL OR c.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_customers n
JOIN stg.customers c ON c.customer_id = n.customer_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
JOIN dim.[dim_cliente] d ON d.[cliente_id] = s.[cliente_id] AND d.atual = 1 AND d.inferido = 0
WHERE d.[segmento] IS DISTINCT FROM s.[segmento] OR d.[cidade] IS DISTINCT FROM s.[cidade] OR d.[estado] IS DISTINCT FROM s.[estado] OR d.[regiao_id] IS DISTINCT FROM s.[regiao_id];

-- ==== customers, customers replay: statement 4 of 6 ====
-- Step 3: close the current versions of those members.
MERGE INTO dim.[dim_cliente] d
USING (SELECT natural_key, valido_de FROM stg.scd_change WHERE apply_token = CAST(:token AS VARCHAR(36)) AND dimension = 'dim_cliente') c
ON (d.[cliente_id] = c.natural_key AND d.atual = 1)
WHEN MATCHED THEN
    UPDATE SET valido_ate = c.valido_de, atual = 0, carregado_em = :now;

-- ==== customers, customers replay: statement 5 of 6 ====
-- Step 4: insert the new versions, and first versions of new members (valid from :origin, so
-- facts older than the member's creation still resolve).
INSERT INTO dim.[dim_cliente] ([cliente_id], [nome], [email], [tipo_cliente], [cidade], [estado], [regiao_id], [segmento], valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT s.[cliente_id], s.[nome], s.[email], s.[tipo_cliente], s.[cidade], s.[estado], s.[regiao_id], s.[segmento], COALESCE(c.valido_de, :origin), :end_of_time, 1, s.versao_origem, 0, s.excluido, :now
FROM (SELECT c.customer_id AS cliente_id, c.name AS nome, c.email AS email, c.customer_type AS tipo_cliente,
       c.city AS cidade, c.state AS estado, c.region_id AS regiao_id, c.segment AS segmento,
       c.source_version AS versao_origem, c.updated_at AS changed_at,
       CASE WHEN c.deleted_at IS NOT NULL OR c.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_customers n
JOIN stg.customers c ON c.customer_id = n.customer_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
LEFT JOIN stg.scd_change c ON c.apply_token = CAST(:token AS VARCHAR(36)) AND c.dimension = 'dim_cliente' AND c.natural_key = s.[cliente_id]
WHERE c.natural_key IS NOT NULL OR NOT EXISTS (SELECT 1 FROM dim.[dim_cliente] d WHERE d.[cliente_id] = s.[cliente_id]);

-- ==== customers, customers replay: statement 6 of 6 ====
-- Step 5: untracked attributes and the deletion flag hold for every version (SCD1 behaviour).
MERGE INTO dim.[dim_cliente] d
USING (SELECT c.customer_id AS cliente_id, c.name AS nome, c.email AS email, c.customer_type AS tipo_cliente,
       c.city AS cidade, c.state AS estado, c.region_id AS regiao_id, c.segment AS segmento,
       c.source_version AS versao_origem, c.updated_at AS changed_at,
       CASE WHEN c.deleted_at IS NOT NULL OR c.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_customers n
JOIN stg.customers c ON c.customer_id = n.customer_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[cliente_id] = s.[cliente_id])
WHEN MATCHED THEN
    UPDATE SET [nome] = s.[nome], [email] = s.[email], [tipo_cliente] = s.[tipo_cliente], versao_origem = s.versao_origem, excluido = s.excluido, carregado_em = :now;

-- ==== products, products replay: statement 1 of 6 ====
-- SCD2, step 0: facts that point at an inferred member about to be completed are re-derived too, since
-- what they copy from the member (the customer's region, say) was unknown when they were built.
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT CAST(:token AS VARCHAR(36)), 'dim_produto:completed', s.[produto_id], :origin
FROM (SELECT p.product_id AS produto_id, p.sku AS sku, p.name AS nome, p.category_id AS categoria_id,
       c.name AS nome_categoria, pc.name AS nome_categoria_pai, p.brand AS marca, p.list_price AS preco_lista,
       p.unit_cost AS custo_unitario, p.source_version AS versao_origem, p.updated_at AS changed_at,
       CASE WHEN p.deleted_at IS NOT NULL OR p.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_products n
JOIN stg.products p ON p.product_id = n.product_id
LEFT JOIN stg.categories c ON c.category_id = p.category_id
LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
JOIN dim.[dim_produto] d ON d.[produto_id] = s.[produto_id] AND d.inferido = 1;

-- ==== products, products replay: statement 2 of 6 ====
-- SCD2, step 1: an inferred member (created for a fact that arrived first) is completed in place.
MERGE INTO dim.[dim_produto] d
USING (SELECT p.product_id AS produto_id, p.sku AS sku, p.name AS nome, p.category_id AS categoria_id,
       c.name AS nome_categoria, pc.name AS nome_categoria_pai, p.brand AS marca, p.list_price AS preco_lista,
       p.unit_cost AS custo_unitario, p.source_version AS versao_origem, p.updated_at AS changed_at,
       CASE WHEN p.deleted_at IS NOT NULL OR p.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_products n
JOIN stg.products p ON p.product_id = n.product_id
LEFT JOIN stg.categories c ON c.category_id = p.category_id
LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[produto_id] = s.[produto_id] AND d.inferido = 1)
WHEN MATCHED THEN
    UPDATE SET [sku] = s.[sku], [nome] = s.[nome], [categoria_id] = s.[categoria_id], [nome_categoria] = s.[nome_categoria], [nome_categoria_pai] = s.[nome_categoria_pai], [marca] = s.[marca], [preco_lista] = s.[preco_lista], [custo_unitario] = s.[custo_unitario], versao_origem = s.versao_origem, inferido = 0, excluido = s.excluido,
        carregado_em = :now;

-- ==== products, products replay: statement 3 of 6 ====
-- Step 2: members whose tracked attributes changed get a new version from the source's change
-- time (strictly after the current version's start, so intervals stay ordered and non-empty).
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT CAST(:token AS VARCHAR(36)), 'dim_produto', s.[produto_id], CASE WHEN s.changed_at > d.valido_de THEN s.changed_at ELSE DATEADD(millisecond, 1, d.valido_de) END
FROM (SELECT p.product_id AS produto_id, p.sku AS sku, p.name AS nome, p.category_id AS categoria_id,
       c.name AS nome_categoria, pc.name AS nome_categoria_pai, p.brand AS marca, p.list_price AS preco_lista,
       p.unit_cost AS custo_unitario, p.source_version AS versao_origem, p.updated_at AS changed_at,
       CASE WHEN p.deleted_at IS NOT NULL OR p.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_products n
JOIN stg.products p ON p.product_id = n.product_id
LEFT JOIN stg.categories c ON c.category_id = p.category_id
LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
JOIN dim.[dim_produto] d ON d.[produto_id] = s.[produto_id] AND d.atual = 1 AND d.inferido = 0
WHERE d.[categoria_id] IS DISTINCT FROM s.[categoria_id] OR d.[preco_lista] IS DISTINCT FROM s.[preco_lista] OR d.[custo_unitario] IS DISTINCT FROM s.[custo_unitario];

-- ==== products, products replay: statement 4 of 6 ====
-- Step 3: close the current versions of those members.
MERGE INTO dim.[dim_produto] d
USING (SELECT natural_key, valido_de FROM stg.scd_change WHERE apply_token = CAST(:token AS VARCHAR(36)) AND dimension = 'dim_produto') c
ON (d.[produto_id] = c.natural_key AND d.atual = 1)
WHEN MATCHED THEN
    UPDATE SET valido_ate = c.valido_de, atual = 0, carregado_em = :now;

-- ==== products, products replay: statement 5 of 6 ====
-- Step 4: insert the new versions, and first versions of new members (valid from :origin, so
-- facts older than the member's creation still resolve).
INSERT INTO dim.[dim_produto] ([produto_id], [sku], [nome], [categoria_id], [nome_categoria], [nome_categoria_pai], [marca], [preco_lista], [custo_unitario], valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT s.[produto_id], s.[sku], s.[nome], s.[categoria_id], s.[nome_categoria], s.[nome_categoria_pai], s.[marca], s.[preco_lista], s.[custo_unitario], COALESCE(c.valido_de, :origin), :end_of_time, 1, s.versao_origem, 0, s.excluido, :now
FROM (SELECT p.product_id AS produto_id, p.sku AS sku, p.name AS nome, p.category_id AS categoria_id,
       c.name AS nome_categoria, pc.name AS nome_categoria_pai, p.brand AS marca, p.list_price AS preco_lista,
       p.unit_cost AS custo_unitario, p.source_version AS versao_origem, p.updated_at AS changed_at,
       CASE WHEN p.deleted_at IS NOT NULL OR p.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_products n
JOIN stg.products p ON p.product_id = n.product_id
LEFT JOIN stg.categories c ON c.category_id = p.category_id
LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
LEFT JOIN stg.scd_change c ON c.apply_token = CAST(:token AS VARCHAR(36)) AND c.dimension = 'dim_produto' AND c.natural_key = s.[produto_id]
WHERE c.natural_key IS NOT NULL OR NOT EXISTS (SELECT 1 FROM dim.[dim_produto] d WHERE d.[produto_id] = s.[produto_id]);

-- ==== products, products replay: statement 6 of 6 ====
-- Step 5: untracked attributes and the deletion flag hold for every version (SCD1 behaviour).
MERGE INTO dim.[dim_produto] d
USING (SELECT p.product_id AS produto_id, p.sku AS sku, p.name AS nome, p.category_id AS categoria_id,
       c.name AS nome_categoria, pc.name AS nome_categoria_pai, p.brand AS marca, p.list_price AS preco_lista,
       p.unit_cost AS custo_unitario, p.source_version AS versao_origem, p.updated_at AS changed_at,
       CASE WHEN p.deleted_at IS NOT NULL OR p.source_deleted = 1 THEN 1 ELSE 0 END AS excluido
FROM stg.incoming_products n
JOIN stg.products p ON p.product_id = n.product_id
LEFT JOIN stg.categories c ON c.category_id = p.category_id
LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
WHERE n.apply_token = CAST(:token AS VARCHAR(36)) AND n.applies = 1) s
ON (d.[produto_id] = s.[produto_id])
WHEN MATCHED THEN
    UPDATE SET [sku] = s.[sku], [nome] = s.[nome], [marca] = s.[marca], versao_origem = s.versao_origem, excluido = s.excluido, carregado_em = :now;
