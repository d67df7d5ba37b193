package io.esteira.alerting.model;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label condition, written as in Alertmanager: {@code severity=critical}, {@code entity!=orders},
 * {@code entity=~orders|customers}, {@code source!~test-.*}. Regular expressions are anchored: they
 * must match the whole value.
 */
public record Matcher(String name, Operator operator, String value) {

    public enum Operator {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isRegex() {
            return this == REGEX || this == NOT_REGEX;
        }

        public boolean isNegative() {
            return this == NOT_EQUAL || this == NOT_REGEX;
        }
    }

    public Matcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (!Labels.NAMES.contains(name)) {
            throw new IllegalArgumentException("label '" + name + "' is unknown: use one of "
                    + String.join(", ", Labels.NAMES.stream().sorted().toList()));
        }
        if (operator.isRegex()) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "regular expression '" + value + "' is invalid: " + e.getDescription(), e);
            }
        }
    }

    /** Parses {@code name<op>value}; the value may be in double quotes. */
    public static Matcher parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "matcher is empty: write it as name=value, name!=value, name=~regex" + " or name!~regex");
        }
        String trimmed = text.trim();
        int at = -1;
        Operator operator = null;
        for (int i = 0; i < trimmed.length() && operator == null; i++) {
            char c = trimmed.charAt(i);
            char next = i + 1 < trimmed.length() ? trimmed.charAt(i + 1) : 0;
            if (c == '=' && next == '~') {
                operator = Operator.REGEX;
            } else if (c == '!' && next == '~') {
                operator = Operator.NOT_REGEX;
            } else if (c == '!' && next == '=') {
                operator = Operator.NOT_EQUAL;
            } else if (c == '=') {
                operator = Operator.EQUAL;
            }
            at = i;
        }
        if (operator == null) {
            throw new IllegalArgumentException("matcher '" + text + "' has no operator: write it as name=value,"
                    + " name!=value, name=~regex or name!~regex");
        }
        String name = trimmed.substring(0, at).trim();
        String value = trimmed.substring(at + operator.symbol().length()).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return new Matcher(name, operator, value);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean positive =
                switch (operator) {
                    case EQUAL, NOT_EQUAL -> actual.equals(value);
                    case REGEX, NOT_REGEX -> pattern().matcher(actual).matches();
                };
        return operator.isNegative() != positive;
    }

    private Pattern pattern() {
        // Compiled per call: matchers are few and events are rare; a record keeps equals simple.
        return Pattern.compile(value);
    }

    @Override
    public String toString() {
        return name + operator.symbol() + value;
    }
}
