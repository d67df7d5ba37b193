package io.esteira.runtime.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One security filter chain for every Esteira service (DESIGN.md, guarantee 6): the actuator's
 * {@code health} (with its liveness and readiness groups), {@code info} and {@code prometheus} are open,
 * on the management port or the server port alike; everything else (the other actuator endpoints,
 * Hawtio and Jolokia, {@code /api/**}) needs HTTP basic with the {@link OperatorLogin}. Stateless: no
 * session, no CSRF token (no form login, no cookie to ride on).
 *
 * <p>A service that declares its own {@link SecurityFilterChain} (or users) keeps it: these beans step
 * aside. Ordered before Spring Boot's security auto-configuration, which would otherwise add a default
 * chain and a generated password.
 */
@AutoConfiguration(
        before = {
            ManagementWebSecurityAutoConfiguration.class,
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(OperatorLogin.class)
public class ManagementSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurityAutoConfiguration.class);

    /** Actuator endpoints anyone may read: probes and metrics carry no secret. */
    public static final String[] OPEN_ENDPOINTS = {"health", "info", "prometheus"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain esteiraSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(OPEN_ENDPOINTS))
                        .permitAll()
                        // The error page renders the 401/403/404 of a request already judged.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName("esteira"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean({UserDetailsService.class, AuthenticationProvider.class, AuthenticationManager.class})
    AuthenticationProvider esteiraOperatorAuthentication(OperatorLogin login) {
        if (login.configured()) {
            log.info(
                    "Operator login '{}' guards /api/**, Hawtio and the actuator endpoints other than health, info"
                            + " and prometheus.",
                    login.username());
        } else {
            log.warn("esteira.security.password is not set: /api/**, Hawtio and the actuator endpoints other than"
                    + " health, info and prometheus are locked (401). Set ESTEIRA_SECURITY_PASSWORD (and"
                    + " ESTEIRA_SECURITY_USERNAME, default operator) to open them.");
        }
        return new OperatorAuthenticationProvider(login);
    }
}
