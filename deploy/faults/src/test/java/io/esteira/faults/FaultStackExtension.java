package io.esteira.faults;

import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.junit.TestPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the one {@link FaultStack} of the run ({@code @ExtendWith(FaultStackExtension.class)},
 * then a {@code FaultStack} parameter): started on first use, shared by every test class (a start costs a
 * minute), and closed when the whole run ends. Without PostgreSQL the tests fail when {@code CI=true} and
 * are skipped, loudly, elsewhere.
 */
public final class FaultStackExtension implements ParameterResolver {

    /** Closes the stack at the end of the run (JUnit closes root-store values it owns). */
    private record Holder(FaultStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TemporaryPostgres.Server server = TestPostgres.server();
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        Holder.class,
                        key -> {
                            try {
                                return new Holder(FaultStack.start(server));
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "The fault suite's stack did not start: " + e.getMessage(), e);
                            }
                        },
                        Holder.class)
                .stack();
    }
}
