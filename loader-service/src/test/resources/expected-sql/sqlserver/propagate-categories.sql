-- Category and parent-category names are attributes of the product versions in the category.
MERGE INTO dim.dim_produto d
USING (SELECT c.category_id, c.name AS nome_categoria, pc.name AS nome_categoria_pai
       FROM stg.categories c
       LEFT JOIN stg.categories pc ON pc.category_id = c.parent_id
       WHERE c.category_id IN (SELECT category_id FROM stg.incoming_categories WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1)
          OR c.parent_id IN (SELECT category_id FROM stg.incoming_categories WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1)) s
ON (d.categoria_id = s.category_id)
WHEN MATCHED THEN UPDATE SET nome_categoria = s.nome_categoria, nome_categoria_pai = s.nome_categoria_pai, carregado_em = :now;
