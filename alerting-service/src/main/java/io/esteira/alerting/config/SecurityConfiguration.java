package io.esteira.alerting.config;

import io.esteira.runtime.security.ManagementSecurityAutoConfiguration;
import io.esteira.runtime.security.OperatorAuthenticationProvider;
import io.esteira.runtime.security.OperatorLogin;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two logins, one per audience. The management endpoints (the actuator, Hawtio, Jolokia) take the operator
 * login every service takes ({@code esteira.security.*}, {@link OperatorLogin}), with health, info and
 * prometheus open as everywhere ({@link ManagementSecurityAutoConfiguration#OPEN_ENDPOINTS}). {@code
 * /api/**} takes the API login ({@code esteira.alerting.api.username/password}, the one Prometheus' {@code
 * basic_auth} carries) and the operator login too. The API login never opens the management endpoints: a
 * credential given to a machine that posts alerts does not reach Hawtio's JMX operations. A login whose
 * password is unset opens nothing: every protected call answers 401.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The actuator and Hawtio, on the management port (or the server port when they share one). */
    @Bean
    @Order(1)
    SecurityFilterChain managementSecurity(HttpSecurity http, OperatorLogin operator) throws Exception {
        return basicAuth(
                http.securityMatcher(EndpointRequest.toAnyEndpoint())
                        .authorizeHttpRequests(requests -> requests.requestMatchers(
                                        EndpointRequest.to(ManagementSecurityAutoConfiguration.OPEN_ENDPOINTS))
                                .permitAll()
                                .dispatcherTypeMatchers(DispatcherType.ERROR)
                                .permitAll()
                                .anyRequest()
                                .authenticated()),
                new ProviderManager(new OperatorAuthenticationProvider(operator)));
    }

    /** Everything else: {@code /api/**}, for the API login or the operator's. */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, AlertingProperties properties, OperatorLogin operator)
            throws Exception {
        DaoAuthenticationProvider apiLogin = new DaoAuthenticationProvider(apiUsers(properties));
        apiLogin.setPasswordEncoder(new PlainConstantTimePasswordEncoder());
        return basicAuth(
                http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .authenticated()),
                new ProviderManager(apiLogin, new OperatorAuthenticationProvider(operator)));
    }

    private static SecurityFilterChain basicAuth(HttpSecurity http, AuthenticationManager logins) throws Exception {
        return http.authenticationManager(logins)
                .httpBasic(basic -> basic.realmName("esteira"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static UserDetailsService apiUsers(AlertingProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (properties.api().configured()) {
            users.createUser(User.withUsername(properties.api().username())
                    .password(properties.api().password())
                    .roles("API")
                    .build());
        }
        return users;
    }

    /** The API password is held as configured; compared in constant time. */
    private static final class PlainConstantTimePasswordEncoder implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String stored) {
            return stored != null
                    && MessageDigest.isEqual(
                            raw.toString().getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
        }
    }
}
