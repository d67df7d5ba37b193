package io.esteira.runtime.config;

import jakarta.validation.constraints.NotBlank;

/**
 * Where a database or broker is and how to log in: {@code esteira.<name>.url|username|password}.
 * {@code name} is the property prefix (oltp, dw, broker), used in every error message.
 */
public record Endpoint(@NotBlank String url, String username, String password) {

    public Endpoint {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** The URL with any password parameter masked, fit for logs and error messages. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****").replaceAll("//([^:/@]+):[^@/]*@", "//$1:****@");
    }
}
