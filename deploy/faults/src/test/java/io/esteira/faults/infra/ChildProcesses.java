package io.esteira.faults.infra;

import io.esteira.embedded.net.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every child the suite started, so that none outlives the test JVM: a shutdown hook kills what is
 * still running if the normal clean-up did not run. Also the small helpers children need: the java
 * binary, free loopback ports.
 */
public final class ChildProcesses {

    private static final List<ChildProcess> CHILDREN = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "faults-children-cleanup"));
    }

    private ChildProcesses() {}

    static synchronized void track(ChildProcess child) {
        if (!CHILDREN.contains(child)) {
            CHILDREN.add(child);
        }
    }

    private static synchronized void killAll() {
        for (ChildProcess child : CHILDREN) {
            if (child.isAlive()) {
                child.kill();
            }
        }
    }

    /** The java launcher of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port nobody listens on now, outside the range outgoing connections take theirs from ({@link FreePorts}). */
    public static int freePort() {
        return FreePorts.next();
    }
}
