-- Additive drift of a mirror entity: a column its batches carry that raw.<entity> lacks is added,
-- nullable, to the mirror and its work table (MirrorTables). Rows landed before keep null in it.
ALTER TABLE {raw} ADD {column_definition};

ALTER TABLE {incoming} ADD {column_definition};
