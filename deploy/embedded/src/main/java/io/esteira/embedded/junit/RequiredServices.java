package io.esteira.embedded.junit;

/** What the test harness does when a service a test needs is missing. */
final class RequiredServices {

    private RequiredServices() {}

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void warnSkipped(String testName, String reason) {
        String line = "!".repeat(100);
        System.err.println(line);
        System.err.println("!! SKIPPED " + testName + ": " + reason);
        System.err.println("!! These tests are mandatory in CI (CI=true); here they are skipped.");
        System.err.println(line);
    }
}
