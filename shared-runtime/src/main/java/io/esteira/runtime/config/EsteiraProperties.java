package io.esteira.runtime.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The connection contract every service reads (DESIGN.md, Configuration contract). Relaxed
 * binding makes {@code ESTEIRA_OLTP_URL}, {@code ESTEIRA_DW_PASSWORD}, … work. Defaults, in
 * {@code esteira-defaults.properties}, point at the local stack.
 */
@Validated
@ConfigurationProperties("esteira")
public record EsteiraProperties(
        @Valid @NotNull Endpoint oltp, @Valid @NotNull Endpoint dw, @Valid @NotNull Endpoint broker) {}
