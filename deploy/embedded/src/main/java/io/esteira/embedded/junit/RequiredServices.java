package io.esteira.embedded.junit;

/** What the test harness does when a service a test needs is missing. */
final class RequiredServices {

    private RequiredServices() {}

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A notice on standard error that no one running the build can miss. */
    static void announce(String... lines) {
        String rule = "!".repeat(100);
        System.err.println(rule);
        for (String line : lines) {
            System.err.println("!! " + line);
        }
        System.err.println(rule);
    }
}
