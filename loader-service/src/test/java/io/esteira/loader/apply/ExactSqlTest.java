package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.esteira.contracts.dialect.Vendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every land and derive statement of the loader, exactly as it is sent, for the reference catalog and both
 * vendors, against its expected text in {@code src/test/resources/expected-sql/<vendor>/<statement>.sql}: a
 * change to a template, a placeholder or a dialect token shows as a change of those files, reviewed in the
 * diff like code. SQL Server cannot run on every machine, so for its SQL this is the check that runs
 * everywhere (the Testcontainers ITs run it where Docker exists).
 *
 * <p>A statement is a template of {@code apply/ansi} or {@code apply/<vendor>} (what {@link ApplySql} reads:
 * the few stepwise landing templates PostgreSQL never runs included), rendered by {@link RenderedApplySql} for
 * every entity, live and replay. Its file holds the rendered statements once when every entity renders them
 * alike, otherwise once per distinct text, each under a {@code -- ==== <entities> ====} line naming the
 * entities that render it; the statements of a multi-statement template are numbered the same way. The
 * {@code src-*} fragments are not statements: they appear inside those that embed them.
 *
 * <p>A mismatch names the file, the statement and the first line that differs. After a change to the SQL,
 * rewrite the expected files and review the diff:
 *
 * <pre>./mvnw -pl loader-service -am test -Dtest=ExactSqlTest -Dsurefire.failIfNoSpecifiedTests=false -Dexpected.sql.update=true</pre>
 */
class ExactSqlTest {

    /** Set to {@code true} to write the rendered statements into the expected files instead of comparing. */
    static final String UPDATE_PROPERTY = "expected.sql.update";

    private static final String HEADER = "-- ==== ";

    private static final Path EXPECTED =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/resources/expected-sql");

    @TestFactory
    Stream<DynamicTest> shouldSendEveryStatementAsItsExpectedFileSays() {
        boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
        return Stream.of(Vendor.POSTGRESQL, Vendor.SQLSERVER)
                .flatMap(vendor -> expectedTexts(vendor).entrySet().stream().map(statement -> {
                    Path file = EXPECTED.resolve(vendor.id()).resolve(statement.getKey() + ".sql");
                    return DynamicTest.dynamicTest(vendor.id() + "/" + statement.getKey(), () -> {
                        if (update) {
                            write(file, statement.getValue());
                        } else {
                            compare(file, statement.getValue());
                        }
                    });
                }));
    }

    @Test
    void shouldKeepNoExpectedFileOfAStatementTheLoaderNoLongerHas() throws IOException {
        for (Vendor vendor : List.of(Vendor.POSTGRESQL, Vendor.SQLSERVER)) {
            Path folder = Files.createDirectories(EXPECTED.resolve(vendor.id()));
            Set<String> files = new TreeSet<>();
            try (Stream<Path> listed = Files.list(folder)) {
                listed.forEach(f -> files.add(f.getFileName().toString().replaceFirst("\\.sql$", "")));
            }
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                files.removeAll(expectedTexts(vendor).keySet());
                for (String stale : files) {
                    Files.delete(folder.resolve(stale + ".sql"));
                }
            } else {
                assertThat(files)
                        .as("expected-sql/%s: a file per statement the loader renders, and no other", vendor.id())
                        .isEqualTo(expectedTexts(vendor).keySet());
            }
        }
    }

    @Test
    void shouldNameTheStatementAndTheFirstLineThatDiffers() {
        String expected = "-- ==== orders ====\nSELECT 1\nFROM a;\n\n-- ==== orders replay ====\nSELECT 2\nFROM a;\n";
        String actual = expected.replace("SELECT 2", "SELECT 3");

        assertThat(difference("sqlserver/x.sql", expected, actual))
                .isEqualTo("sqlserver/x.sql, at line 6, in '-- ==== orders replay ====':"
                        + "\n  expected: SELECT 2\n  rendered: SELECT 3");
        assertThat(difference("sqlserver/x.sql", expected, expected)).isNull();
        assertThat(difference("sqlserver/x.sql", "SELECT 1\n", "SELECT 1\nFROM a\n"))
                .isEqualTo("sqlserver/x.sql, at line 2:\n  expected: (end of file)\n  rendered: FROM a");
    }

    /** The text each statement's expected file must hold, by statement name, for the vendor. */
    static Map<String, String> expectedTexts(Vendor vendor) {
        Map<String, Map<List<String>, List<String>>> byTemplate = new LinkedHashMap<>();
        for (RenderedApplySql.Rendering rendering : RenderedApplySql.renderings(vendor)) {
            if (!rendering.template().startsWith("src-")) {
                byTemplate
                        .computeIfAbsent(rendering.template(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(rendering.statements(), s -> new ArrayList<>())
                        .add(rendering.context());
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        byTemplate.forEach((template, variants) -> {
            StringBuilder text = new StringBuilder();
            variants.forEach((statements, contexts) -> {
                for (int i = 0; i < statements.size(); i++) {
                    List<String> label = new ArrayList<>();
                    if (variants.size() > 1) {
                        label.add(String.join(", ", contexts));
                    }
                    if (statements.size() > 1) {
                        label.add("statement " + (i + 1) + " of " + statements.size());
                    }
                    if (!label.isEmpty()) {
                        text.append(HEADER).append(String.join(": ", label)).append(" ====\n");
                    }
                    text.append(statements.get(i)).append("\n\n");
                }
            });
            texts.put(template, text.toString().stripTrailing() + "\n");
        });
        return texts;
    }

    private static void compare(Path file, String rendered) throws IOException {
        if (!Files.exists(file)) {
            fail("No expected file " + file + " for a statement the loader renders; run with -D" + UPDATE_PROPERTY
                    + "=true to write it, and review it");
        }
        String difference = difference(
                EXPECTED.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8), rendered);
        if (difference != null) {
            fail("The rendered statement differs from " + difference + "\nIf the change is meant, run with -D"
                    + UPDATE_PROPERTY + "=true to rewrite the expected files, and review their diff.");
        }
    }

    /**
     * Where {@code rendered} first differs from {@code expected}: the file, the line, the statement (the
     * nearest {@code -- ==== … ====} line above it) and both lines; null when they are equal.
     */
    static String difference(String file, String expected, String rendered) {
        List<String> want = expected.lines().toList();
        List<String> got = rendered.lines().toList();
        String statement = null;
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String wanted = i < want.size() ? want.get(i) : null;
            String gotten = i < got.size() ? got.get(i) : null;
            if (wanted == null || !wanted.equals(gotten)) {
                return file + ", at line " + (i + 1) + (statement == null ? "" : ", in '" + statement + "'")
                        + ":\n  expected: " + (wanted == null ? "(end of file)" : wanted)
                        + "\n  rendered: " + (gotten == null ? "(end of file)" : gotten);
            }
            if (wanted.startsWith(HEADER)) {
                statement = wanted;
            }
        }
        return null;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
