package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 keeps the next values of an identity column in memory in blocks of its cache size (32 by default) and writes the
 * block's end to disk, in a commit of its own, each time a block is used up. A recorded message takes about eight
 * identity values (the message, its states, its audit events), so every fourth message cost H2 a whole extra commit:
 * a fifth of the recording thread's time. With blocks of 1,000 that is one in 125 messages. A killed process skips the
 * rest of the block it was in (a gap in the numbers, never a number twice). PostgreSQL numbers without such commits;
 * its cache would only be per connection, so there it stays as it is.
 */
public class V8__h2_identiteiten_per_duizend extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            List<String> alters = new ArrayList<>();
            try (ResultSet identities = statement.executeQuery("select table_name, column_name from information_schema.columns"
                    + " where table_schema = current_schema and is_identity = 'YES'")) {
                while (identities.next()) {
                    alters.add("alter table " + identities.getString(1) + " alter column " + identities.getString(2) + " set cache 1000");
                }
            }
            for (String alter : alters) {
                statement.execute(alter);
            }
        }
    }
}
