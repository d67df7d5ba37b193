-- A region's name is also an attribute of its teams (dim_equipe.nome_regiao).
MERGE INTO dim.dim_equipe d
USING (SELECT r.region_id, r.name FROM stg.regions r
       WHERE r.region_id IN (SELECT region_id FROM stg.incoming_regions WHERE apply_token = CAST(:token AS VARCHAR(36)) AND applies = 1)) s
ON (d.regiao_id = s.region_id)
WHEN MATCHED THEN UPDATE SET nome_regiao = s.name, carregado_em = :now;
