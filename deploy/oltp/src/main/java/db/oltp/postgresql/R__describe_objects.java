package db.oltp.postgresql;

import io.esteira.contracts.schema.DescribeObjectsMigration;
import io.esteira.oltp.OltpSchema;

/** The descriptions of db/oltp/descriptions.yml, applied after the versioned migrations ({@link DescribeObjectsMigration}). */
public class R__describe_objects extends DescribeObjectsMigration {

    public R__describe_objects() {
        super(OltpSchema.DESCRIPTIONS, false);
    }
}
