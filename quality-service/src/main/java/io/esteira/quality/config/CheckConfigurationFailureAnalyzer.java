package io.esteira.quality.config;

import io.esteira.quality.check.CheckConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns misconfigured checks at start-up into a list of what to fix, one line per check. */
public class CheckConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CheckConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CheckConfigurationException cause) {
        return new FailureAnalysis(
                "The quality service cannot start: " + String.join(System.lineSeparator(), cause.problems()),
                "Fix the checks named above in esteira.quality.checks (application.yml, the file in"
                        + " esteira.quality.checks-file, or the environment), or set their enabled to false.",
                cause);
    }
}
