package io.esteira.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runbook has every section the code links to, the operations docs name files that exist, and the
 * READMEs' links (the module table's links to the code of each behaviour) reach a file or section that
 * exists.
 */
class DocsTest {

    private static final Pattern RUNBOOK_LINK = Pattern.compile("docs/runbook\\.md#([a-z0-9-]+)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("(?<![\\w/.-])((?:deploy|k8s|docs)/[A-Za-z0-9_./-]*[A-Za-z0-9_])");

    @Test
    void shouldHaveEverySectionThatCodeAndConfigurationLinkTo() throws IOException {
        Set<String> anchors = Anchors.of(Repository.read("docs/runbook.md"));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Repository.ROOT)) {
            sources = files.filter(f ->
                            !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .filter(f -> f.toString().matches(".*/src/main/.*\\.(java|yml|yaml)$")
                            || f.startsWith(Repository.path("deploy/compose"))
                            || f.startsWith(Repository.path("k8s")))
                    .filter(Files::isRegularFile)
                    .toList();
        }
        int links = 0;
        for (Path file : sources) {
            Matcher link = RUNBOOK_LINK.matcher(Repository.read(file));
            while (link.find()) {
                links++;
                assertThat(anchors)
                        .as("%s links to #%s", Repository.ROOT.relativize(file), link.group(1))
                        .contains(link.group(1));
            }
        }
        assertThat(links).as("links found").isGreaterThan(5);
        assertThat(anchors).contains("extraction-fails", "a-batch-is-in-the-dlq");
    }

    @Test
    void shouldNameOnlyFilesThatExist() {
        for (String doc : List.of("docs/runbook.md", "docs/operations.md", "k8s/README.md")) {
            Matcher path = REPOSITORY_PATH.matcher(Repository.read(doc));
            while (path.find()) {
                String named = path.group(1);
                if (named.contains("/secrets") || named.endsWith(".env")) {
                    continue; // created by the operator, never committed
                }
                if (named.matches("deploy/[a-z]+-service")) {
                    continue; // a kubectl reference to a Deployment, not a path
                }
                assertThat(Repository.path(named)).as("%s names %s", doc, named).exists();
            }
        }
    }

    @Test
    void shouldLinkFromTheReadmesOnlyToFilesAndSectionsThatExist() {
        int links = 0;
        for (String doc : List.of(
                "README.md",
                "extractor-service/README.md",
                "loader-service/README.md",
                "quality-service/README.md",
                "alerting-service/README.md",
                "k8s/README.md",
                "docs/operations.md")) {
            Path base = Repository.path(doc).getParent();
            Matcher link = MARKDOWN_LINK.matcher(Repository.read(doc));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http(s), mailto: not this repository
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty()
                        ? Repository.path(doc)
                        : base.resolve(file).normalize();
                assertThat(resolved).as("%s links to %s", doc, target).exists();
                if (hash >= 0) {
                    assertThat(Anchors.of(Repository.read(resolved)))
                            .as("%s links to %s", doc, target)
                            .contains(target.substring(hash + 1));
                }
            }
        }
        assertThat(links).as("links found").isGreaterThan(40);
    }
}
