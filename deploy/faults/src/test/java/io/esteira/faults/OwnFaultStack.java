package io.esteira.faults;

import io.esteira.embedded.TemporaryPostgres;
import io.esteira.embedded.junit.TestPostgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link FaultStack} of one test class's own, for the faults that need the stack built differently from the
 * shared one of {@link FaultStackExtension} (a broker pair, proxies in front of everything): started on the
 * tests' PostgreSQL before the class's first test, given to its test methods as a {@code FaultStack}
 * parameter, and closed after its last test. A class registers it with
 * {@code @RegisterExtension static final OwnFaultStack STACK = new OwnFaultStack(FaultStack::startWithBrokerPair);}.
 */
final class OwnFaultStack implements BeforeAllCallback, ParameterResolver {

    /** How the class's stack starts on the tests' PostgreSQL server. */
    @FunctionalInterface
    interface Start {
        FaultStack on(TemporaryPostgres.Server server) throws Exception;
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OwnFaultStack.class);

    /** Closes the stack when the class's tests are done (JUnit closes the class store's resources). */
    private record Holder(FaultStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }

    private final Start start;

    OwnFaultStack(Start start) {
        this.start = start;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getStore(NAMESPACE).put(Holder.class, new Holder(start.on(TestPostgres.server())));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FaultStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Holder holder = context.getStore(NAMESPACE).get(Holder.class, Holder.class);
        if (holder == null) {
            throw new IllegalStateException(
                    "The stack of " + context.getRequiredTestClass().getSimpleName()
                            + " did not start; see the class's set-up failure");
        }
        return holder.stack();
    }
}
