package io.esteira.runtime.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' login ({@code esteira.security.*}, environment {@code ESTEIRA_SECURITY_USERNAME} and
 * {@code ESTEIRA_SECURITY_PASSWORD}): HTTP basic credentials of {@code /api/**}, the actuator endpoints
 * other than health, info and prometheus, and the Hawtio console. Without a password nobody can log in:
 * those endpoints answer 401 and the service still starts, so the probes and metrics keep working.
 */
@ConfigurationProperties("esteira.security")
public record OperatorLogin(@DefaultValue("operator") String username, String password) {

    public OperatorLogin {
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    /** True when both a user name and a password are set. */
    public boolean configured() {
        return !username.isEmpty() && !password.isEmpty();
    }
}
