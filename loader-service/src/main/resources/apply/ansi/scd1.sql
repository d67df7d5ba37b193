-- SCD1: one row per member, overwritten in place; completes an inferred member; flags deletions.
MERGE INTO {dim} d
USING ({src}) s
ON (d.{nk} = s.{nk})
WHEN MATCHED THEN
    UPDATE SET {set_attrs}, versao_origem = s.versao_origem, inferido = {false}, excluido = s.excluido,
        carregado_em = :now
WHEN NOT MATCHED THEN
    INSERT ({nk}, {attrs}, versao_origem, inferido, excluido, carregado_em)
    VALUES (s.{nk}, {s_attrs}, s.versao_origem, {false}, s.excluido, :now)
