package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 makes an index of its own for every foreign key when the table is created, so bericht_status, bericht_sleutel and
 * bericht_client each had two identical indexes on bericht_id: two B-trees written with every state change, reference
 * and client, a third of the maps H2 rewrites when it commits a recorded message. On H2 the explicit ones go; the
 * lookups by message use the foreign key's index. PostgreSQL does not index foreign keys, so there they stay.
 */
public class V7__h2_een_index_per_verwijzing extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("drop index ix_bericht_status_bericht");
            statement.execute("drop index ix_bericht_sleutel_bericht");
            statement.execute("drop index ix_bericht_client_bericht");
        }
    }
}
