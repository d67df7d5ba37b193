package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every SQL query of the provisioned Grafana dashboards (panels and template variables) runs on a
 * PostgreSQL warehouse migrated by {@link DwSchema}, with Grafana's macros and variables replaced by
 * literals as Grafana would: every filter on "All", every filter on the seeded members, and a filter that
 * matches nothing. The SQL must also stay portable to SQL Server (the compose stack's DW): no
 * vendor-only syntax.
 */
class DashboardSqlIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    private static final Path DASHBOARDS = Repository.path("deploy/compose/grafana/dashboards");
    private static final Set<String> DW_DATASOURCES = Set.of("esteira-dw", "esteira-dw-ops");
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-z_]+)}?");
    /** Syntax PostgreSQL accepts and SQL Server does not (or the reverse). */
    private static final List<Pattern> NOT_PORTABLE = List.of(
            Pattern.compile("::"),
            Pattern.compile("(?i)\\bLIMIT\\s+\\d"),
            Pattern.compile("(?i)\\bTOP\\s*\\(?\\d"),
            Pattern.compile("(?i)\\bI?LIKE\\s+'[^']*'\\s+ESCAPE"),
            Pattern.compile("(?i)\\bILIKE\\b"),
            Pattern.compile("\\|\\|"),
            Pattern.compile(
                    "(?i)\\b(NOW|GETDATE|SYSUTCDATETIME|DATE_TRUNC|DATEADD|DATEDIFF|ISNULL|IIF|LEN|STRING_AGG)\\s*\\("),
            Pattern.compile("(?i)=\\s*(TRUE|FALSE)\\b"),
            Pattern.compile("\"[a-z_]+\""));

    /** Filter values per scenario, as Grafana writes multi-value SQL variables ("All" is the raw allValue). */
    private static final Map<String, Map<String, String>> SCENARIOS = Map.of(
            "all", Map.of("regiao", "-1", "categoria", "-1", "equipe", "-1", "vendedor", "-1", "entity", ".*"),
            "seeded",
                    Map.of("regiao", "'1'", "categoria", "'3'", "equipe", "'5'", "vendedor", "'7'", "entity", "orders"),
            "nothing",
                    Map.of(
                            "regiao",
                            "'999'",
                            "categoria",
                            "'-1'",
                            "equipe",
                            "'-1'",
                            "vendedor",
                            "'-1'",
                            "entity",
                            "orders"));

    @BeforeAll
    static void warehouse() throws Exception {
        DwSchema.migrate(dw.dataSource());
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(new String(
                    DashboardSqlIT.class.getResourceAsStream("/seed-dw.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldRunEveryPanelAndVariableQueryInEveryFilterScenario() throws Exception {
        List<Query> queries = queries();
        assertThat(queries).hasSizeGreaterThan(30);

        List<String> failures = new ArrayList<>();
        for (Query query : queries) {
            for (String scenario : SCENARIOS.keySet()) {
                try {
                    List<String> columns = run(substitute(query.sql(), SCENARIOS.get(scenario)));
                    if ("time_series".equals(query.format())) {
                        assertThat(columns).as(query.where()).first().isEqualTo("time");
                    }
                    if (query.variable()) {
                        assertThat(columns).as(query.where()).containsExactly("__text", "__value");
                    }
                } catch (SQLException | AssertionError e) {
                    failures.add(query.where() + " [" + scenario + "]: " + e.getMessage());
                }
            }
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void shouldAddUpTheSeededSalesAndHonourTheFilters() throws Exception {
        String revenue = panel("esteira-vendas", "Receita líquida").sql();

        assertThat(single(revenue, "all")).isEqualByComparingTo("300.00");
        assertThat(single(revenue, "seeded")).isEqualByComparingTo("300.00");
        assertThat(single(revenue, "nothing")).isNull();
    }

    @Test
    void shouldComputeAttainmentAndDiscountRoiAsTheKpiViewsDo() throws Exception {
        // Ana sold 300.00 net in March 2024 against a 600.00 target; the discounted order paid 90.00 for 10.00.
        assertThat(single(panel("esteira-metas", "Atingimento total").sql(), "seeded"))
                .isEqualByComparingTo("50.00");
        assertThat(single(panel("esteira-descontos", "ROI de desconto").sql(), "all"))
                .isEqualByComparingTo("9.0000");
    }

    @Test
    void shouldDrawEachChecksStatusOverTimeFromTheResults() throws Exception {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO audit.dq_result (check_id, kind, status, started_at, duration_ms) VALUES"
                    + " ('panel-rule', 'rule', 'pass', TIMESTAMP '2024-03-01 10:00:00', 5),"
                    + " ('panel-rule', 'rule', 'fail', TIMESTAMP '2024-03-01 11:00:00', 5),"
                    + " ('panel-drift', 'schema-drift', 'warn', TIMESTAMP '2024-03-01 10:30:00', 5),"
                    + " ('panel-drift', 'schema-drift', 'error', TIMESTAMP '2024-03-01 11:30:00', 5),"
                    + " ('panel-rule', 'rule', 'fail', TIMESTAMP '2023-12-31 23:00:00', 5)");
        }
        String sql = substitute(
                panel("esteira-pipeline", "Estado das verificações ao longo do tempo")
                        .sql(),
                SCENARIOS.get("all"));

        List<String> points = new ArrayList<>();
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getString("metric").startsWith("panel-")) {
                    points.add(rs.getTimestamp("time").toLocalDateTime() + " " + rs.getString("metric") + " "
                            + rs.getInt(3));
                }
            }
        }

        assertThat(points)
                .containsExactly(
                        "2024-03-01T10:00 panel-rule 0",
                        "2024-03-01T10:30 panel-drift 1",
                        "2024-03-01T11:00 panel-rule 2",
                        "2024-03-01T11:30 panel-drift 3");
    }

    @Test
    void shouldStayPortableToSqlServer() throws Exception {
        List<String> offending = new ArrayList<>();
        for (Query query : queries()) {
            for (Pattern pattern : NOT_PORTABLE) {
                if (pattern.matcher(query.sql()).find()) {
                    offending.add(query.where() + ": " + pattern);
                }
            }
        }

        assertThat(offending).isEmpty();
    }

    @Test
    void shouldReferenceOnlyProvisionedDatasourcesAndDefinedVariables() throws Exception {
        String provisioned = Repository.read("deploy/compose/grafana/provisioning/datasources/datasources.yml");
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            Set<String> variables = new TreeSet<>();
            dashboard
                    .path("templating")
                    .path("list")
                    .forEach(v -> variables.add(v.path("name").asText()));
            for (JsonNode datasource : dashboard.findValues("datasource")) {
                if (datasource.has("uid")) {
                    assertThat(provisioned)
                            .as(file.getFileName().toString())
                            .contains("uid: " + datasource.path("uid").asText());
                }
            }
            Matcher used = VARIABLE.matcher(Files.readString(file).replaceAll("\\$__[a-zA-Z_]+", ""));
            while (used.find()) {
                assertThat(variables)
                        .as("%s uses $%s", file.getFileName(), used.group(1))
                        .contains(used.group(1));
            }
        }
    }

    private record Query(String where, String sql, String format, boolean variable) {}

    private static List<Query> queries() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            String name = dashboard.path("uid").asText();
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    if (DW_DATASOURCES.contains(
                            target.path("datasource").path("uid").asText())) {
                        assertThat(target.path("rawSql").asText())
                                .as(name + " / " + panel.path("title"))
                                .isNotBlank();
                        queries.add(new Query(
                                name + " / " + panel.path("title").asText(),
                                target.path("rawSql").asText(),
                                target.path("format").asText(),
                                false));
                    }
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (DW_DATASOURCES.contains(
                        variable.path("datasource").path("uid").asText())) {
                    queries.add(new Query(
                            name + " / $" + variable.path("name").asText(),
                            variable.path("query").asText(),
                            "table",
                            true));
                }
            }
        }
        return queries;
    }

    private static Query panel(String dashboard, String title) throws IOException {
        return queries().stream()
                .filter(q -> q.where().equals(dashboard + " / " + title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no panel " + title + " in " + dashboard));
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Grafana's rendering for PostgreSQL and SQL Server: BETWEEN two RFC 3339 literals. */
    static String substitute(String sql, Map<String, String> values) {
        String result =
                TIME_FILTER.matcher(sql).replaceAll("$1 BETWEEN '2024-01-01T00:00:00Z' AND '2025-12-31T23:59:59Z'");
        Matcher variable = VARIABLE.matcher(result);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = values.get(variable.group(1));
            if (value == null) {
                throw new AssertionError("No test value for $" + variable.group(1) + " in " + sql);
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static BigDecimal single(String sql, String scenario) throws SQLException {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(substitute(sql, SCENARIOS.get(scenario)))) {
            assertThat(rs.next()).isTrue();
            return rs.getBigDecimal(1);
        }
    }

    private static List<String> run(String sql) throws SQLException {
        try (Connection connection = dw.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            while (rs.next()) {
                // Reading every row makes PostgreSQL evaluate every expression (casts, divisions).
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    rs.getObject(i);
                }
            }
            return columns;
        }
    }
}
