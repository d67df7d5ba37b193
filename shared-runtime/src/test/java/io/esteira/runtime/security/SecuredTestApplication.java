package io.esteira.runtime.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service as small as can be: one {@code /api} endpoint and the shared runtime, broker connection included.
 * No database: the security under test does not need one.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
class SecuredTestApplication {

    @RestController
    static class PingController {
        @GetMapping("/api/ping")
        String ping() {
            return "pong";
        }
    }
}
