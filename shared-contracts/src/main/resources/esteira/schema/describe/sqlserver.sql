-- Sets the MS_Description of one object of a descriptions file (db/dw/descriptions.yml,
-- db/oltp/descriptions.yml): updates it when the object has one (an older migration described it), adds
-- it otherwise. Parameters: text, schema, level-1 type (TABLE,
-- VIEW or null for a schema), relation, level-2 type (COLUMN or null), column.
DECLARE @value nvarchar(3750) = ?, @schema sysname = ?, @level1type varchar(128) = ?, @level1name sysname = ?,
        @level2type varchar(128) = ?, @level2name sysname = ?;
IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', @schema,
                                                      @level1type, @level1name, @level2type, @level2name))
    EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @value,
        @level0type = N'SCHEMA', @level0name = @schema, @level1type = @level1type, @level1name = @level1name,
        @level2type = @level2type, @level2name = @level2name;
ELSE
    EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = @value,
        @level0type = N'SCHEMA', @level0name = @schema, @level1type = @level1type, @level1name = @level1name,
        @level2type = @level2type, @level2name = @level2name;
