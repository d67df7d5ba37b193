package io.esteira.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server form of a description (no SQL Server here): {@code esteira/schema/describe/sqlserver.sql} gets
 * the text, the schema, then the level-1 and level-2 types and names that {@code sp_addextendedproperty}
 * expects; null levels for a schema.
 */
class DescribeObjectsMigrationTest {

    private static final String STG =
            """
            stg:
              description: Staging.
              tables:
                regions:
                  description: Mirror.
                  columns:
                    region_id: Key.
              views:
                latest:
                  description: A view.
                  columns:
                    region_id: Its key.
            """;

    @Test
    void shouldBindSchemaTableViewAndColumnLevelsAsSpAddExtendedPropertyExpects() throws Exception {
        List<Descriptions.Description> all = Descriptions.parse(STG, "test").all();

        assertThat(bound(all.get(0))).containsExactly("Staging.", "stg", null, null, null, null);
        assertThat(bound(all.get(1))).containsExactly("Mirror.", "stg", "TABLE", "regions", null, null);
        assertThat(bound(all.get(2))).containsExactly("Key.", "stg", "TABLE", "regions", "COLUMN", "region_id");
        assertThat(bound(all.get(4))).containsExactly("Its key.", "stg", "VIEW", "latest", "COLUMN", "region_id");
    }

    @Test
    void shouldTakeAsManyParametersAsTheSqlServerScriptDeclares() throws Exception {
        String sql = new String(getClass()
                .getResourceAsStream("/esteira/schema/describe/sqlserver.sql")
                .readAllBytes());
        String code = sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", String::concat);

        assertThat(code.chars().filter(c -> c == '?').count()).isEqualTo(6);
    }

    /** The parameters bound for one description, in parameter order. */
    private static List<String> bound(Descriptions.Description description) throws Exception {
        Map<Integer, String> parameters = new TreeMap<>();
        PreparedStatement recorder = (PreparedStatement) Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setString")) {
                        parameters.put((Integer) args[0], (String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + Arrays.toString(args));
                });
        DescribeObjectsMigration.bindSqlServer(recorder, description);
        assertThat(parameters).containsOnlyKeys(1, 2, 3, 4, 5, 6);
        return new ArrayList<>(parameters.values());
    }
}
