package db.dw.sqlserver;

import io.esteira.loader.schema.DescribeObjectsMigration;

/** The descriptions of db/dw/descriptions.yml, applied after the versioned migrations ({@link DescribeObjectsMigration}). */
public class R__describe_objects extends DescribeObjectsMigration {

    public R__describe_objects() {
        super(true);
    }
}
