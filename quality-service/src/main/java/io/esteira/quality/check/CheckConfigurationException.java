package io.esteira.quality.check;

import java.util.List;

/** One or more configured checks that cannot run; each problem names its check. */
public class CheckConfigurationException extends RuntimeException {

    private final List<String> problems;

    public CheckConfigurationException(List<String> problems) {
        super(
                problems.size() == 1
                        ? problems.get(0)
                        : problems.size() + " checks are misconfigured: " + String.join(" | ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
