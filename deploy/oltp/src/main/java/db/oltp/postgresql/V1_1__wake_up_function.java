package db.oltp.postgresql;

import io.esteira.oltp.OltpSchema;
import io.esteira.oltp.SourcePreparation;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The reference schema's wake-up function {@code core.esteira_notify_change()}, which V2's statement triggers
 * call: the one {@code source prepare} gives a customer's schema, rendered from the same file ({@link
 * SourcePreparation#wakeUpFunction}), so the two never drift apart.
 */
public class V1_1__wake_up_function extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(SourcePreparation.wakeUpFunction(OltpSchema.SCHEMA));
        }
    }
}
