-- A team's name is also an attribute of the seller versions in that team (dim_vendedor.nome_equipe).
MERGE INTO dim.dim_vendedor d
USING (SELECT t.team_id, t.name FROM stg.teams t
       WHERE t.team_id IN (SELECT team_id FROM stg.incoming_teams WHERE apply_token = :token AND applies = TRUE)) s
ON (d.equipe_id = s.team_id)
WHEN MATCHED THEN UPDATE SET nome_equipe = s.name, carregado_em = :now
