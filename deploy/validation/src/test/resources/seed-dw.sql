-- A few warehouse rows for DashboardSqlIT: one region, team, seller, category/product, discount; two sales
-- items in March 2024 (one with the discount), the seller's March target, and the order's discount fact.
INSERT INTO dim.dim_regiao (regiao_sk, regiao_id, nome, estado, pais) VALUES (101, 1, 'Sudeste', 'SP', 'Brasil');
INSERT INTO dim.dim_equipe (equipe_sk, equipe_id, nome, regiao_id, nome_regiao, nome_gerente)
VALUES (105, 5, 'Equipe Paulista', 1, 'Sudeste', 'Carla');
INSERT INTO dim.dim_vendedor (vendedor_sk, vendedor_id, nome, email, equipe_id, nome_equipe, ativo)
VALUES (107, 7, 'Ana', 'ana@example.com', 5, 'Equipe Paulista', true);
INSERT INTO dim.dim_produto (produto_sk, produto_id, sku, nome, categoria_id, nome_categoria, nome_categoria_pai, marca, preco_lista, custo_unitario)
VALUES (110, 10, 'SKU-10', 'Notebook', 3, 'Informática', 'Eletrônicos', 'Marca', 100.00, 60.00);
INSERT INTO dim.dim_desconto (desconto_sk, desconto_id, codigo, tipo_desconto, valor, campanha, inicio, fim)
VALUES (120, 20, 'VERAO10', 'percent', 10.00, 'Verão', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-12-31 00:00:00');

INSERT INTO fact.fact_vendas (order_item_id, pedido_id, data_sk, produto_sk, vendedor_sk, regiao_sk, desconto_sk,
                              quantidade, preco_unitario, valor_bruto, valor_desconto, valor_total_liquido, custo_total,
                              status, canal)
VALUES (1001, 501, 20240315, 110, 107, 101, 120, 1, 100.00, 100.00, 10.00, 90.00, 60.00, 'delivered', 'web'),
       (1002, 502, 20240316, 110, 107, 101, 0, 2, 105.00, 210.00, 0.00, 210.00, 120.00, 'delivered', 'store');

INSERT INTO fact.fact_metas (sales_target_id, vendedor_id, vendedor_sk, data_sk, ano, mes, valor_meta)
VALUES (9001, 7, 107, 20240301, 2024, 3, 600.00);

INSERT INTO fact.fact_descontos (pedido_id, desconto_sk, vendedor_sk, data_sk, valor_bruto, valor_desconto_aplicado, valor_com_desconto)
VALUES (501, 120, 107, 20240315, 100.00, 10.00, 90.00);
