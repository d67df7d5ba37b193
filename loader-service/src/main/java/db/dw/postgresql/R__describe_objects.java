package db.dw.postgresql;

import io.esteira.contracts.schema.DescribeObjectsMigration;
import io.esteira.loader.schema.DwSchema;

/** The descriptions of db/dw/descriptions.yml, applied after the versioned migrations ({@link DescribeObjectsMigration}). */
public class R__describe_objects extends DescribeObjectsMigration {

    public R__describe_objects() {
        super(DwSchema.DESCRIPTIONS, false);
    }
}
