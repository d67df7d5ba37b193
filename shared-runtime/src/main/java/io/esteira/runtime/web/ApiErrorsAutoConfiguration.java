package io.esteira.runtime.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Every servlet service's API answers bad input with 400 and the message ({@link BadRequestAdvice}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiErrorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BadRequestAdvice esteiraBadRequestAdvice() {
        return new BadRequestAdvice();
    }
}
