package io.esteira.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Resident memory of a process from Linux's {@code /proc/<pid>/status}: {@code VmHWM} is the peak
 * resident set since the process started, {@code VmRSS} the current one. Elsewhere: empty.
 */
final class ProcessMemory {

    private ProcessMemory() {}

    /** Peak resident set in KiB, or empty when the process is gone or this is not Linux. */
    static OptionalLong peakKb(long pid) {
        return field(pid, "VmHWM:");
    }

    static OptionalLong currentKb(long pid) {
        return field(pid, "VmRSS:");
    }

    static OptionalLong ownPeakKb() {
        return peakKb(ProcessHandle.current().pid());
    }

    private static OptionalLong field(long pid, String name) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return parseKb(line.substring(name.length()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code "   123456 kB"} → 123456. */
    static OptionalLong parseKb(String value) {
        String digits = value.strip();
        int space = digits.indexOf(' ');
        try {
            return OptionalLong.of(Long.parseLong(space < 0 ? digits : digits.substring(0, space)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
