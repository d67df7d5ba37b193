package io.esteira.oltp;

import java.util.regex.Pattern;

/** Keeps passwords that a JDBC URL may carry out of messages. */
public final class Redaction {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*=)[^;&]*");

    private Redaction() {}

    public static String url(String url) {
        return url == null ? "(no URL)" : PASSWORD.matcher(url).replaceAll("$1***");
    }
}
