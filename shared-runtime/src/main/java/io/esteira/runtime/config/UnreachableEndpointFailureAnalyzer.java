package io.esteira.runtime.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database or broker at start-up into a two-line explanation. */
public class UnreachableEndpointFailureAnalyzer extends AbstractFailureAnalyzer<UnreachableEndpointException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnreachableEndpointException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + cause.property() + ".url, .username and .password (or "
                        + UnreachableEndpointException.envName(cause.property())
                        + "_URL, _USERNAME, _PASSWORD) to a reachable endpoint, or start the local stack.",
                cause);
    }
}
