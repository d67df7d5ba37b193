package io.esteira.quality.validate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ChecksValidator} found in a checks file.
 *
 * @param file the file checked
 * @param checks how many enabled checks (shipped and the file's) were validated
 * @param problems one sentence each, naming the check and the field; empty when valid
 */
public record ValidationReport(Path file, int checks, List<String> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
