package io.esteira.alerting.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP basic on everything but the probes and metrics ({@code /actuator/health/**}, {@code info},
 * {@code prometheus}). The one user comes from {@code esteira.alerting.api.username/password}; without
 * them there is no user, and every protected call answers 401.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService apiUsers(AlertingProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (properties.api().configured()) {
            users.createUser(User.withUsername(properties.api().username())
                    .password(properties.api().password())
                    .roles("API")
                    .build());
        }
        return users;
    }

    /** The password is held as configured; compared in constant time. */
    @Bean
    PasswordEncoder apiPasswordEncoder() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String stored) {
                return stored != null
                        && MessageDigest.isEqual(
                                raw.toString().getBytes(StandardCharsets.UTF_8),
                                stored.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
