package io.esteira.faults.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A fact table against what the OLTP says it must hold, key by key: the keys it lacks, the keys it holds
 * that it must not, and the keys whose values differ (values are compared as normalised text).
 */
public record KeyedValuesDiff(
        String table, int compared, List<Long> missing, List<Long> extra, List<String> different) {

    public static KeyedValuesDiff of(String table, Map<Long, String> expected, Map<Long, String> actual) {
        List<Long> missing = new ArrayList<>();
        List<Long> extra = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Long key : new TreeSet<>(expected.keySet())) {
            String value = actual.get(key);
            if (value == null) {
                missing.add(key);
            } else if (!Objects.equals(expected.get(key), value)) {
                different.add(key + ": OLTP [" + expected.get(key) + "] DW [" + value + "]");
            }
        }
        for (Long key : new TreeSet<>(actual.keySet())) {
            if (!expected.containsKey(key)) {
                extra.add(key);
            }
        }
        return new KeyedValuesDiff(table, expected.size(), missing, extra, different);
    }

    public boolean clean() {
        return missing.isEmpty() && extra.isEmpty() && different.isEmpty();
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(table + ": " + missing.size() + " key(s) missing, e.g. "
                    + missing.subList(0, Math.min(5, missing.size())));
        }
        if (!extra.isEmpty()) {
            problems.add(
                    table + ": " + extra.size() + " key(s) extra, e.g. " + extra.subList(0, Math.min(5, extra.size())));
        }
        if (!different.isEmpty()) {
            problems.add(table + ": " + different.size() + " key(s) with other values, e.g. "
                    + different.subList(0, Math.min(3, different.size())));
        }
        return problems;
    }
}
