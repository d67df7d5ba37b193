-- SCD2, step 0: facts that point at an inferred member about to be completed are re-derived too, since
-- what they copy from the member (the customer's region, say) was unknown when they were built.
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT :token, '{dim_name}:completed', s.{nk}, :origin
FROM ({src}) s
JOIN {dim} d ON d.{nk} = s.{nk} AND d.inferido = {true};

-- SCD2, step 1: an inferred member (created for a fact that arrived first) is completed in place.
MERGE INTO {dim} d
USING ({src}) s
ON (d.{nk} = s.{nk} AND d.inferido = {true})
WHEN MATCHED THEN
    UPDATE SET {set_attrs}, versao_origem = s.versao_origem, inferido = {false}, excluido = s.excluido,
        carregado_em = :now;

-- Step 2: members whose tracked attributes changed get a new version from the source's change
-- time (strictly after the current version's start, so intervals stay ordered and non-empty).
INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)
SELECT :token, '{dim_name}', s.{nk}, CASE WHEN s.changed_at > d.valido_de THEN s.changed_at ELSE {plus_1ms:d.valido_de} END
FROM ({src}) s
JOIN {dim} d ON d.{nk} = s.{nk} AND d.atual = {true} AND d.inferido = {false}
WHERE {tracked_changed};

-- Step 3: close the current versions of those members.
MERGE INTO {dim} d
USING (SELECT natural_key, valido_de FROM stg.scd_change WHERE apply_token = :token AND dimension = '{dim_name}') c
ON (d.{nk} = c.natural_key AND d.atual = {true})
WHEN MATCHED THEN
    UPDATE SET valido_ate = c.valido_de, atual = {false}, carregado_em = :now;

-- Step 4: insert the new versions, and first versions of new members (valid from :origin, so
-- facts older than the member's creation still resolve).
INSERT INTO {dim} ({nk}, {attrs}, valido_de, valido_ate, atual, versao_origem, inferido, excluido, carregado_em)
SELECT s.{nk}, {s_attrs}, COALESCE(c.valido_de, :origin), :end_of_time, {true}, s.versao_origem, {false}, s.excluido, :now
FROM ({src}) s
LEFT JOIN stg.scd_change c ON c.apply_token = :token AND c.dimension = '{dim_name}' AND c.natural_key = s.{nk}
WHERE c.natural_key IS NOT NULL OR NOT EXISTS (SELECT 1 FROM {dim} d WHERE d.{nk} = s.{nk});

-- Step 5: untracked attributes and the deletion flag hold for every version (SCD1 behaviour).
MERGE INTO {dim} d
USING ({src}) s
ON (d.{nk} = s.{nk})
WHEN MATCHED THEN
    UPDATE SET {set_scd1}, versao_origem = s.versao_origem, excluido = s.excluido, carregado_em = :now
